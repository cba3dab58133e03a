import { describe, expect, it } from 'vitest';
import { welcomeText } from './welcome.js';

const signIns = [{ role: 'owner', email: 'owner@glow.example.com', password: 'demo-password-2026' }];

describe('the start banner', () => {
  it('lists the demo sign-ins with their password on the start that created the demo', () => {
    const text = welcomeText('http://localhost:3000', { seeded: true, signIns });
    expect(text).toContain('owner@glow.example.com');
    expect(text).toContain('demo-password-2026');
  });

  it('prints no password on later starts, only where the README lists the sign-ins', () => {
    for (const seed of [{ seeded: false, signIns: [] }, null]) {
      const text = welcomeText('http://localhost:3000', seed);
      expect(text).not.toContain('demo-password-2026');
      expect(text).not.toMatch(/password/i);
      expect(text).toContain('README.md');
      expect(text).toContain('http://localhost:3000/api/docs');
    }
  });
});
