import { formatVolgnummerId, parseVolgnummerId, volgendeId, volgendeMeldingId } from '@shared/domain/melding-id';

describe('melding ids M-<jaar>-<nnnn>', () => {
  it('starts at 0001 in a new year', () => {
    expect(volgendeMeldingId(2026, [])).toBe('M-2026-0001');
    expect(volgendeMeldingId(2026, ['M-2025-0042'])).toBe('M-2026-0001');
  });
  it('takes the highest number of the year plus one, ignoring other kinds and junk', () => {
    expect(volgendeMeldingId(2026, ['M-2026-0001', 'M-2026-0003', 'G-2026-0099', 'x', 'M-2026-00x1'])).toBe('M-2026-0004');
    expect(volgendeId('G', 2026, ['G-2026-0009'])).toBe('G-2026-0010');
  });
  it('grows past 9999 without wrapping', () => {
    expect(volgendeMeldingId(2026, ['M-2026-9999'])).toBe('M-2026-10000');
  });
  it('parses and formats', () => {
    expect(parseVolgnummerId('M-2026-0042')).toEqual({ soort: 'M', jaar: 2026, nummer: 42 });
    expect(parseVolgnummerId('M-26-0042')).toBeUndefined();
    expect(formatVolgnummerId('A', 2024, 7)).toBe('A-2024-0007');
    expect(() => formatVolgnummerId('M', 2026, 0)).toThrow(RangeError);
  });
});
