import type { RowRole } from '@samplan/budget-layout';
import type { MessageKey } from '../../i18n/messages.ts';
import { ROLE_GROUPS, type RoleValue, roleValue, roleValuesFor } from './roleOptions.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A role's name in the select: "Kostnad: förvaltning", "Att granska: summa kostnader". */
export function roleLabel(value: RoleValue, t: Translate): string {
  const [kind, detail] = value.split(':');
  if (kind === 'stated') return t('import.role.stated', { figure: t(`import.figure.${detail}` as MessageKey) });
  if (detail) return t(`import.role.${kind}.${detail}` as MessageKey);
  return t(`import.role.${kind}` as MessageKey);
}

/** The role of one sheet row, chosen from the roles in groups (revenue, costs, equity, audit, other). */
export function RoleSelect({
  role,
  label,
  onChange,
  t,
  testId,
}: {
  role: RowRole;
  /** The accessible name: which row this is. */
  label: string;
  onChange(value: RoleValue): void;
  t: Translate;
  testId: string;
}) {
  const value = roleValue(role);
  const values = new Set(roleValuesFor(role));
  const grouped = new Set(ROLE_GROUPS.flatMap((g) => g.values));
  return (
    <select
      className="import-role"
      value={value}
      aria-label={label}
      aria-invalid={role.kind === 'unknown' ? 'true' : undefined}
      data-testid={testId}
      data-role={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {role.kind === 'unknown' && <option value="unknown">{t('import.role.unknown')}</option>}
      {[...values]
        .filter((v) => !grouped.has(v))
        .map((v) => (
          <option key={v} value={v}>
            {roleLabel(v, t)}
          </option>
        ))}
      {ROLE_GROUPS.map((g) => (
        <optgroup key={g.group} label={t(`import.group.${g.group}`)}>
          {g.values.map((v) => (
            <option key={v} value={v}>
              {roleLabel(v, t)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
