import {
  ACCEPT_UPDATE,
  type CollabHooks,
  type CollabPlugin,
  type UpdateContext,
  type UpdateVerdict,
} from './CollabHooks.ts';
import { closeCodes } from './closeCodes.ts';

const NOT_CHECKED: UpdateVerdict = {
  accept: false,
  code: closeCodes.InternalError,
  reason: 'the update could not be checked',
};

/** Every `beforeApplyUpdate` of a server, as one check. */
export type UpdateCheck = (context: UpdateContext) => Promise<UpdateVerdict>;

/**
 * Composes the `beforeApplyUpdate` hooks of the plug-ins (in their order) and then of the host's hooks
 * into one check: each is awaited in turn and the first refusal wins (later hooks are not asked). A
 * hook that throws, or returns something that is not a verdict, refuses the update with InternalError
 * (the client reconnects later and sends it again) and is reported to `onError`: a broken policy must
 * not let an update through.
 */
export function composeUpdateChecks(
  plugins: readonly CollabPlugin[],
  hooks: CollabHooks,
  onError: (error: unknown, context: string) => void,
): UpdateCheck {
  const owners: readonly { readonly name: string; readonly hooks: Pick<CollabHooks, 'beforeApplyUpdate'> }[] = [
    ...plugins.map((plugin) => ({ name: plugin.name, hooks: plugin })),
    { name: 'the hooks', hooks },
  ];
  const checks = owners.flatMap(({ name, hooks: owner }) =>
    owner.beforeApplyUpdate === undefined
      ? []
      : [{ name, check: (context: UpdateContext) => owner.beforeApplyUpdate?.(context) }],
  );
  return async (context) => {
    for (const { name, check } of checks) {
      const where = `beforeApplyUpdate of ${name} in room ${context.room}`;
      let verdict: unknown;
      try {
        verdict = await check(context);
      } catch (error) {
        onError(error, where);
        return NOT_CHECKED;
      }
      if (!isVerdict(verdict)) {
        onError(new Error(`returned ${JSON.stringify(verdict)}, not a verdict`), where);
        return NOT_CHECKED;
      }
      if (!verdict.accept) return verdict;
    }
    return ACCEPT_UPDATE;
  };
}

function isVerdict(value: unknown): value is UpdateVerdict {
  if (typeof value !== 'object' || value === null) return false;
  const { accept, code, reason } = value as Record<string, unknown>;
  return accept === true || (accept === false && typeof code === 'number' && typeof reason === 'string');
}
