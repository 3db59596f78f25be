import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../compose/text.js';
import { readFees } from './fees.js';

describe('readFees: the 信息处理费 statement of 六 back into fees:', () => {
  it('reads the figures of the project’s own sentence, as written', () => {
    const p = TEMPLATES.fees({ 'fees.noticesIssued': '2', 'fees.amountNotified': '100.50', 'fees.amountCollected': '0' });
    expect(readFees(['其他事项。', p])).toEqual({ fees: { noticesIssued: '2', amountNotified: '100.50', amountCollected: '0' }, rest: ['其他事项。'] });
    expect(readFees([TEMPLATES.feesNone({})])).toEqual({ fees: { noticesIssued: '0', amountNotified: '0', amountCollected: '0' }, rest: [] });
  });
  it('leaves other wordings in 六 as written', () => {
    expect(readFees(['本年度共发出收费通知2件，收取信息处理费100元。'])).toBeNull();
    expect(readFees([`${TEMPLATES.fees({ 'fees.noticesIssued': '2', 'fees.amountNotified': '100', 'fees.amountCollected': '0' })}另有说明。`])).toBeNull();
  });
});
