import { describe, expect, it } from 'vitest';
import { analysePhone, phoneKey } from './phone.js';

describe('analysePhone', () => {
  it('judges a number for the country it is asked about, even right after the same text for another country', () => {
    expect(analysePhone('13800138000', 'CN')).toEqual({ valid: true, mobile: true, e164: '+8613800138000' });
    expect(analysePhone('13800138000', 'US').valid).toBe(false);
    expect(analysePhone('13800138000', 'CN').valid).toBe(true);
    expect(analysePhone('010-62345678', 'CN')).toEqual({ valid: true, mobile: false, e164: '+861062345678' });
    expect(analysePhone('12345', 'CN').valid).toBe(false);
  });

  it('gives one key to two spellings of a number', () => {
    expect(phoneKey('138 0013 8000', 'CN')).toBe(phoneKey('+86 13800138000', 'CN'));
  });
});
