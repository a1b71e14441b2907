import { z } from 'zod';

/**
 * Dutch default messages for zod (zod's own `nl` locale), so every validation error that reaches a user
 * or a CLI is Dutch. Imported for its side effect by the list schemas and the config schema.
 */
z.config(z.locales.nl());

/** How `issueTekst` names a field: its path, the name of the root, the words for unknown keys. */
export interface IssueTekstOpties {
  /** Path of the field; default `a.b.0`. `padMetHaken` gives `a.b[0]` (config files). */
  pad?: (p: readonly PropertyKey[]) => string;
  /** Name of the root when the path is empty; default `invoer`. */
  leeg?: string;
  /** Text for unknown keys; default `onbekend veld x, y`. */
  onbekend?: (sleutels: string[]) => string;
}

/** A zod path as `meldpunten[2].contact.email` (numbers in brackets), as config files and the dispatcher log it. */
export function padMetHaken(p: readonly PropertyKey[]): string {
  return p.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)), '');
}

/**
 * The one formatter of zod issues: one readable Dutch `veld: wat er mis is`, never echoing a value. zod's
 * Dutch locale prefixes many messages with "Ongeldige invoer:", which the caller's message says once, so
 * that prefix is dropped; "string" is said as "tekst"; a missing field is "verplicht veld ontbreekt".
 */
export function issueTekst(i: z.core.$ZodIssue, opties: IssueTekstOpties = {}): string {
  const veld = (opties.pad ?? ((p) => p.map(String).join('.')))(i.path) || (opties.leeg ?? 'invoer');
  if (i.code === 'unrecognized_keys') return `${veld}: ${(opties.onbekend ?? ((k) => `onbekend veld ${k.join(', ')}`))(i.keys)}`;
  if (i.code === 'invalid_type' && /(ontving|received) undefined/.test(i.message)) return `${veld}: verplicht veld ontbreekt`;
  const bericht = i.message
    .replace(/^Ongeldige invoer:\s*/i, '')
    .replace(/\bverwacht string\b/g, 'verwacht tekst')
    .replace(/\bontving string\b/g, 'ontving tekst');
  return `${veld}: ${bericht}`;
}

/** `issueTekst` for every issue of `error`, in order. */
export function issueTeksten(error: z.ZodError, opties: IssueTekstOpties = {}): string[] {
  return error.issues.map((i) => issueTekst(i, opties));
}
