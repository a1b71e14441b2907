import { z } from 'zod';

/**
 * Dutch default messages for zod (zod's own `nl` locale), so every validation error that reaches a user
 * or a CLI is Dutch. Imported for its side effect by the list schemas and the config schema.
 */
z.config(z.locales.nl());
