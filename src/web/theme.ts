// The Mantine theme, shared by the browser app (main.tsx) and the server-rendered public pages (ssr.tsx).
import {
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

// teal 9 under white text and gray 7 for secondary text keep contrast above WCAG AA 4.5:1
// Light variants (avatars, badges, alerts) use the palest tint with the darkest shade of text, so
// they meet WCAG AA contrast; Mantine's default tint is a shade too dark for teal text.
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (input.variant === 'light' && parsed.isThemeColor && parsed.shade === undefined) {
    // yellow, lime and orange stay too pale at every shade: their text is near-black instead
    const text = ['yellow', 'lime', 'orange'].includes(parsed.color)
      ? 'var(--mantine-color-dark-7)'
      : `var(--mantine-color-${parsed.color}-9)`;
    return {
      ...base,
      background: `var(--mantine-color-${parsed.color}-0)`,
      hover: `var(--mantine-color-${parsed.color}-1)`,
      color: text,
    };
  }
  // filled orange (the DEFERRED badge) is orange 9 under white text, only 4.29:1: a darker orange
  if (input.variant === 'filled' && parsed.isThemeColor && parsed.color === 'orange') {
    return { ...base, background: '#b33f0c', hover: '#9c370a', color: 'var(--mantine-color-white)' };
  }
  // filled teal (the primary buttons) is teal 9; Mantine's hover is the lighter teal 8, only 3.9:1
  // under white text, so a hovered button gets a darker teal instead
  if (input.variant === 'filled' && parsed.isThemeColor && parsed.color === 'teal') {
    return { ...base, hover: '#06664a' };
  }
  return base;
};
export const theme = createTheme({
  autoContrast: true,
  // people who ask their system for less motion get dialogs and menus without fades
  respectReducedMotion: true,
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 6 },
  defaultRadius: 'md',
  variantColorResolver,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  // Mantine's close buttons have no accessible name of their own
  components: {
    // (plain objects, not Modal.extend: that would pull both components into the first download)
    // a dialog's title bar is a <header>: outside any section it would be a second banner landmark
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' }, attributes: { header: { role: 'presentation' } } } },
    // a table wider than a phone scrolls sideways: its scroll box takes keyboard focus (WCAG 2.1.1)
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' }, attributes: { header: { role: 'presentation' } } } },
  },
});
export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // error text and borders at WCAG AA contrast on white
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // the same pale tint for components that read the light variables directly (NavLink)
    '--mantine-color-teal-light': 'var(--mantine-color-teal-0)',
    '--mantine-primary-color-light': 'var(--mantine-color-teal-0)',
    // a filled primary button without a color prop reads these variables, not the resolver above:
    // the same darker hover (white on teal 8 is only 3.9:1)
    '--mantine-primary-color-filled-hover': '#06664a',
    '--mantine-color-teal-filled-hover': '#06664a',
    // hovered light items (the active console link) get a visible tint and text dark enough for
    // WCAG AA on it (teal 9 on teal 1 is only 4.3:1; this green is 6.6:1)
    '--mantine-color-teal-light-hover': 'var(--mantine-color-teal-1)',
    '--mantine-primary-color-light-hover': 'var(--mantine-color-teal-1)',
    '--mantine-color-teal-light-color': '#065f46',
    '--mantine-primary-color-light-color': '#065f46',
  },
  dark: {},
});
