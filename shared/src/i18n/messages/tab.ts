/** Messages of the tab feature (keys `tab.*`). Dutch first; every key also in English. */
export const tab = {
  nl: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
