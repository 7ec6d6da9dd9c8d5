import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionApi } from './api.ts';

const anna = { id: 'u1', email: 'anna@example.se', name: 'Anna', createdAt: 1_780_000_000_000 };

/** The next fetch answers `body` with `status`. */
function answer(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sessionApi', () => {
  it('reads the plan list and who is logged in with the contract', async () => {
    answer(200, [{ id: 'p1', name: 'Budget 2027', role: 'editor' }]);
    expect(await sessionApi.plans()).toEqual({ ok: true, value: [{ id: 'p1', name: 'Budget 2027', role: 'editor' }] });
    answer(200, { user: anna });
    expect(await sessionApi.me()).toEqual({ ok: true, value: { user: anna } });
  });

  it('refuses a success that does not keep the contract, instead of handing on a half-read value', async () => {
    answer(200, [{ id: 'p1', name: 'Budget 2027', role: 'kung' }]);
    expect(await sessionApi.plans()).toEqual({
      ok: false,
      error: { status: 200, code: 'bad-response', message: 'Servern svarade med något oväntat.' },
    });
    answer(200, { user: { id: 'u1' } });
    expect((await sessionApi.me()).ok).toBe(false);
  });

  it("passes on the server's refusal with its Swedish message and field, and a network failure as status 0", async () => {
    answer(400, { error: { code: 'bad-field', message: 'Ange lösenord.', field: 'password' } });
    expect(await sessionApi.login('anna@example.se', '')).toEqual({
      ok: false,
      error: { status: 400, code: 'bad-field', message: 'Ange lösenord.', field: 'password' },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('fetch failed');
      }),
    );
    expect(await sessionApi.me()).toMatchObject({ ok: false, error: { status: 0, code: 'offline' } });
  });
});
