import { Button, Group, Input, Paper, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import SignaturePad from 'signature_pad';

/**
 * A drawn signature (finger, stylus or mouse) via signature_pad; reports a PNG data URL, or null
 * when cleared. The typed full name next to it is the accessible way to sign.
 */
export function SignatureField({ onChange, error }: { onChange: (png: string | null) => void; error?: string | null }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const p = new SignaturePad(el, { penColor: '#111', backgroundColor: 'rgba(255,255,255,0)' });
    // Size the drawing buffer to the element and the screen's pixel ratio so strokes stay sharp.
    // Phones fire resize when the address bar hides on scroll: keep the strokes, redraw them.
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const width = el.offsetWidth * ratio;
      const height = el.offsetHeight * ratio;
      if (el.width === width && el.height === height) return;
      const strokes = p.toData();
      el.width = width;
      el.height = height;
      el.getContext('2d')?.scale(ratio, ratio);
      p.clear();
      if (strokes.length) p.fromData(strokes);
    };
    fit();
    onChange(null);
    p.addEventListener('endStroke', () => onChange(p.isEmpty() ? null : p.toDataURL('image/png')));
    window.addEventListener('resize', fit);
    pad.current = p;
    return () => {
      window.removeEventListener('resize', fit);
      p.off();
    };
    // set up once: onChange is a state setter of the parent and never changes
  }, []);

  return (
    <Input.Wrapper label="Draw your signature" description="Use your finger, a stylus or the mouse." error={error} required>
      <Paper withBorder radius="md" mt={4} style={{ touchAction: 'none' }}>
        <canvas ref={canvas} aria-label="Signature drawing area" role="img" style={{ width: '100%', height: 160, display: 'block', cursor: 'crosshair' }} />
      </Paper>
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">
          Sign inside the box
        </Text>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => {
            pad.current?.clear();
            onChange(null);
          }}
        >
          Clear signature
        </Button>
      </Group>
    </Input.Wrapper>
  );
}
