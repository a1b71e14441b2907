/** Messages of the ambtseed feature (keys `ambtseed.*`). Dutch first; every key also in English. */
export const ambtseed = {
  nl: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
