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

  it('reads a privacy number with its extension as the valid number plus the extension', () => {
    for (const text of ['17012345678-1234', '17012345678转1234', '17012345678 转 1234', '17012345678,1234']) {
      expect(analysePhone(text, 'CN')).toEqual({ valid: true, mobile: true, e164: '+8617012345678', extension: '1234' });
    }
    expect(analysePhone('0755-86013388', 'CN')).toEqual({ valid: true, mobile: false, e164: '+8675586013388' });
  });

  it('gives one key to two spellings of a number, and different keys to two extensions of one privacy number', () => {
    expect(phoneKey('138 0013 8000', 'CN')).toBe(phoneKey('+86 13800138000', 'CN'));
    expect(phoneKey('17012345678-1234', 'CN')).toBe(phoneKey('17012345678转1234', 'CN'));
    expect(phoneKey('17012345678-1234', 'CN')).not.toBe(phoneKey('17012345678-5678', 'CN'));
  });
});
