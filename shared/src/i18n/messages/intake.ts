/** Messages of the intake feature (keys `intake.*`). Dutch first; every key also in English. */
export const intake = {
  nl: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
