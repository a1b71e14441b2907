/** Messages of the meldwijzer feature (keys `meldwijzer.*`). Dutch first; every key also in English. */
export const meldwijzer = {
  nl: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
