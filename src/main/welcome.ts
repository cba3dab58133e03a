// What the server prints once it listens. The demo's sign-ins (with their password) are printed only
// on the start that created the demo; later starts point to the README instead of repeating a
// password into every terminal and log collector.
import type { SeedOutcome } from '../services/seed/seed-demo.js';

export function welcomeText(url: string, seed: Pick<SeedOutcome, 'seeded' | 'signIns'> | null): string {
  const lines = [`\n  Dermis is running at ${url}\n`];
  if (seed?.seeded) {
    lines.push('  Demo MedSpa "Glow Skin Studio" created. Sign in with:');
    for (const s of seed.signIns) lines.push(`    ${s.role.padEnd(17)} ${s.email.padEnd(32)} ${s.password}`);
  } else {
    lines.push('  The demo sign-ins, if the demo was seeded, are listed in README.md under "Demo sign-ins".');
  }
  lines.push(`\n  API reference: ${url}/api/docs\n`);
  return lines.join('\n') + '\n';
}

export function printWelcome(url: string, seed: Pick<SeedOutcome, 'seeded' | 'signIns'> | null) {
  process.stdout.write(welcomeText(url, seed));
}
