import { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';

/** Teams' dark and high-contrast themes, in a chunk of their own (see laadThema). */
export const donkereThemas = { dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;
