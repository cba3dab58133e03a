// The notice after a booking or a move at the desk, with "Undo" for UNDO_SECONDS. The server allows
// a little longer (UNDO_WINDOW_MS, 15 s) so a tap at the last moment still works over a slow line.
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorText } from '../../../api/client.js';

export const UNDO_SECONDS = 8;
const CLOSE = { 'aria-label': 'Close this notice' };

// the notice's own text colour is a light grey (below 4.5:1): the body colour reads well
const Plain = ({ children }: { children: string }) => (
  <Text size="sm" c="var(--mantine-color-text)">
    {children}
  </Text>
);

export function showUndo(opts: { title: string; message: string; undoneMessage: string; onUndo: () => Promise<void> }) {
  const id = `undo-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const undo = async () => {
    notifications.update({ id, title: opts.title, message: <Plain>Undoing…</Plain>, loading: true, autoClose: false, withCloseButton: false });
    try {
      await opts.onUndo();
      notifications.update({ id, color: 'gray', title: 'Undone', message: <Plain>{opts.undoneMessage}</Plain>, loading: false, autoClose: 5000, withCloseButton: true, closeButtonProps: CLOSE });
    } catch (e) {
      notifications.update({ id, color: 'red', title: 'Could not undo', message: <Plain>{errorText(e)}</Plain>, loading: false, autoClose: 8000, withCloseButton: true, closeButtonProps: CLOSE });
    }
  };
  notifications.show({
    id,
    color: 'teal',
    title: opts.title,
    autoClose: UNDO_SECONDS * 1000,
    withCloseButton: true,
    closeButtonProps: CLOSE,
    message: (
      <Stack gap={6} align="flex-start">
        <Plain>{opts.message}</Plain>
        <Button size="compact-sm" variant="light" onClick={() => void undo()}>
          Undo
        </Button>
      </Stack>
    ),
  });
}
