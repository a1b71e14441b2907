import { teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { Thema } from './omgeving';

/**
 * The Fluent theme for a Teams theme name. The light theme is part of the first page; the dark and
 * high-contrast themes (≈ 3 KB gzip each) load when first asked for, so the portal's initial JS stays small.
 * @returns the theme object for `FluentProvider`.
 */
export async function laadThema(naam: Thema): Promise<Theme> {
  if (naam === 'default') return teamsLightTheme;
  const { donkereThemas } = await import('./thema-donker');
  return donkereThemas[naam];
}

export { teamsLightTheme };
