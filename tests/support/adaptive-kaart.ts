import * as AC from 'adaptivecards';

/**
 * Adaptive Cards 1.5 check of a rendered card: the parse events and validation events of the `adaptivecards`
 * object model, plus any template expression left unexpanded. An empty list means the card is valid.
 */
export function kaartFouten(card: unknown): string[] {
  const c = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(new AC.Version(1, 5));
  c.parse(card, ctx);
  const out: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) out.push(ctx.getEventAt(i).message);
  for (const e of c.validateProperties().validationEvents) out.push(e.message);
  if (JSON.stringify(card).includes('${')) out.push('unexpanded template expression');
  return out;
}
