/** Messages of the report feature (keys `report.*`). Dutch first; every key also in English. */
export const report = {
  nl: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
