import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../compose/text.js';
import { readFees } from './fees.js';

describe('readFees: the 信息处理费 statement of 六 back into fees:', () => {
  it('reads the figures of the project’s own sentence, as written', () => {
    const p = TEMPLATES.fees({ 'fees.noticesIssued': '2', 'fees.amountNotified': '100.50', 'fees.amountCollected': '0' });
    expect(readFees(['其他事项。', p])).toEqual({ fees: { noticesIssued: '2', amountNotified: '100.50', amountCollected: '0' }, rest: ['其他事项。'] });
    expect(readFees([TEMPLATES.feesNone({})])).toEqual({ fees: { noticesIssued: '0', amountNotified: '0', amountCollected: '0' }, rest: [] });
  });
  it('reads other wordings through the phrase table and keeps the sentence, quoting the figures', () => {
    expect(readFees(['本年度共发出收费通知2件，收取信息处理费100元。'])).toEqual({
      fees: { noticesIssued: '2', amountNotified: '0', amountCollected: '100' },
      rest: ['本年度共发出收费通知{{fees.noticesIssued}}件，收取信息处理费{{fees.amountCollected}}元。'],
    });
    expect(readFees(['本年度未收取信息处理费。'])).toEqual({ fees: { noticesIssued: '0', amountNotified: '0', amountCollected: '0' }, rest: ['本年度未收取信息处理费。'] });
    expect(readFees(['本年度无其他需要报告的事项。'])).toBeNull();
  });
});
