import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/client.ts';
import { calculatorEn, calculatorRu } from './i18n-calculator.ts';
import { checkLead, EMPTY_LEAD, leadBody, leadServerErrors } from './lead-fields.ts';

describe('lead form fields', () => {
  it('item 2: name, a phone or an e-mail, and consent are required; formats are checked in ru and en', () => {
    expect(checkLead(EMPTY_LEAD, calculatorRu)).toEqual({
      name: 'Укажите имя',
      phone: 'Укажите телефон или электронную почту',
      consent: 'Без согласия на обработку данных заявку не отправить',
    });
    expect(
      checkLead({ ...EMPTY_LEAD, name: 'Anna', phone: '12', email: 'anna@', consent: true }, calculatorEn),
    ).toEqual({
      phone: calculatorEn.leadPhoneInvalid,
      email: calculatorEn.leadEmailInvalid,
    });
    expect(
      checkLead({ ...EMPTY_LEAD, name: 'Anna', phone: '+7 (911) 123-45-67', consent: true }, calculatorEn),
    ).toEqual({});
  });

  it("item 2: a contact filled from VK carries VK's sign; one typed by hand carries none", () => {
    const body = leadBody(
      { name: ' Anna ', phone: '79111234567', phoneSign: 'signed', email: 'a@b.ru', consent: true },
      { area: 54, gas: true },
      'v1',
    );
    expect(body).toEqual({
      inputs: { area: 54, gas: true },
      name: 'Anna',
      phone: { value: '79111234567', sign: 'signed' },
      email: { value: 'a@b.ru' },
      consent: true,
      consentVersion: 'v1',
    });
    expect(leadBody({ ...EMPTY_LEAD, name: 'A', email: 'a@b.ru', consent: true }, {}, 'v1')).not.toHaveProperty(
      'phone',
    );
  });

  it("item 2: the server's refusals land on their field", () => {
    const err = (code: string, issues: { path: string; message: string }[] = []) =>
      new ApiRequestError(422, code, code, { issues });
    expect(leadServerErrors(err('consent_required'), calculatorEn)).toEqual({
      consent: calculatorEn.leadConsentRequired,
    });
    expect(leadServerErrors(err('consent_outdated'), calculatorEn)).toEqual({
      consent: calculatorEn.leadConsentOutdated,
    });
    expect(leadServerErrors(err('invalid_sign', [{ path: 'email.sign', message: 'x' }]), calculatorEn)).toEqual({
      email: calculatorEn.leadSignInvalid,
    });
    expect(leadServerErrors(err('invalid_input', [{ path: 'phone.value', message: 'x' }]), calculatorEn)).toEqual({
      phone: calculatorEn.leadPhoneInvalid,
    });
    // Neither contact: the server names both fields, and both say one of them is needed.
    const noContact = [
      { path: 'phone', message: 'x' },
      { path: 'email', message: 'x' },
    ];
    expect(leadServerErrors(err('invalid_input', noContact), calculatorEn)).toEqual({
      phone: calculatorEn.leadContactRequired,
      email: calculatorEn.leadContactRequired,
    });
    expect(leadServerErrors(err('campaign_ended'), calculatorEn)).toBeUndefined();
  });
});
