import { describe, expect, it } from 'vitest';
import { apiRoutes } from './apiRoutes.ts';
import { parseRequestBody } from './parseRequestBody.ts';

const { createInvitation, createPlan, login, setup } = apiRoutes;

describe('parseRequestBody', () => {
  it('refuses a body that is not a JSON object with bad-json, and reads an empty body as {}', () => {
    for (const body of [null, [], 'text', 3]) {
      expect(parseRequestBody(login.body, body)).toEqual({
        ok: false,
        errors: [{ code: 'bad-json', message: 'Förfrågan ska vara ett JSON-objekt.' }],
      });
    }
    expect(parseRequestBody(setup.body, undefined)).toEqual({
      ok: true,
      value: { token: '', email: '', name: '', password: '' },
    });
  });

  it('names the first refused login field with its Swedish message', () => {
    expect(parseRequestBody(login.body, { email: 'anna@example.se' })).toEqual({
      ok: false,
      errors: [{ code: 'bad-field', message: 'Ange lösenord.', field: 'password' }],
    });
    expect(parseRequestBody(login.body, { email: '', password: 'x' })).toEqual({
      ok: false,
      errors: [{ code: 'bad-field', message: 'Ange e-postadress.', field: 'email' }],
    });
  });

  it('trims a plan name, requires one without a plan, and refuses names over 200 characters', () => {
    expect(parseRequestBody(createPlan.body, { name: '  Budget 2027 ' })).toEqual({
      ok: true,
      value: { name: 'Budget 2027' },
    });
    const plan = { name: 'Egen' };
    expect(parseRequestBody(createPlan.body, { plan })).toEqual({ ok: true, value: { plan } });
    const refusal = { code: 'bad-field', message: 'Ange ett namn på planen (högst 200 tecken).', field: 'name' };
    for (const body of [{}, { name: '   ' }, { name: 'x'.repeat(201) }, { name: 7 }, { name: '  ', plan }]) {
      expect(parseRequestBody(createPlan.body, body)).toEqual({ ok: false, errors: [refusal] });
    }
  });

  it("refuses an invitation's unknown role with the route's own code", () => {
    expect(parseRequestBody(createInvitation.body, { role: 'kung' }, createInvitation.bodyErrorCode)).toEqual({
      ok: false,
      errors: [
        { code: 'invalid-role', message: 'Ange en roll: owner, editor, commenter eller viewer.', field: 'role' },
      ],
    });
  });
});
