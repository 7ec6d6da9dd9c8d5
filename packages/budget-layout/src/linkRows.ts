import { conditionClue, mentions, resolveProject } from './labelClues.ts';
import { displayLabel } from './layoutGrid.ts';
import { isCostLine, type WorkRow } from './workRow.ts';

const GENERIC = new Set(
  'kommun kommuns stad stads staden region regionen regionens län läns staten statens gm genom och samt landsting'.split(
    ' ',
  ),
);

/** The words of a member's name that tell it apart: "Gislaveds kommun" → "Gislaved". */
function distinctiveWords(name: string): string[] {
  return displayLabel(name)
    .split(/[\s+/,&]+/)
    .filter((w) => w.length >= 4 && !GENERIC.has(w.toLowerCase()))
    .map((w) => (w.length > 5 && /s$/i.test(w) ? w.slice(0, -1) : w));
}

/**
 * Links rows to each other: ESF rows naming the same project share it, a "(om ESF MIA)"
 * condition resolves to its project, a cost line naming an ESF project exists only with it, and
 * a cost line naming a member is requisitioned by it.
 */
export function linkRows(work: WorkRow[]): void {
  const projects: string[] = [];
  for (const w of work) {
    if (w.role.kind !== 'esf') continue;
    const same = resolveProject(w.role.project, projects);
    if (same) w.role = { ...w.role, project: same };
    else projects.push(w.role.project);
  }
  for (const w of work) {
    const condition = w.condition ?? conditionClue(w.label);
    if (!condition || w.kind === 'ignore' || w.kind === 'heading' || w.kind === 'title') continue;
    // "(om ansökan beviljas)": the row's own project is applied for; no figures in parentheses.
    if (condition.project === '') continue;
    const project = resolveProject(condition.project, projects);
    if (project) {
      w.alternative = { project };
      w.why.push({ code: 'alternative-figures', condition: condition.words, project });
    } else {
      w.alternative = { project: condition.project };
      if (w.confidence === 'sure') w.confidence = 'guess';
      w.why.push({ code: 'alternative-unknown-project', condition: condition.words, project: condition.project });
    }
  }
  const members = work.filter((w) => w.role.kind === 'member');
  for (const w of work) {
    if (!isCostLine(w) || w.role.kind !== 'cost') continue;
    if (!w.alternative && /esf|projekt/i.test(w.label)) {
      const project = projects.find((p) => mentions(w.label, p));
      if (project) {
        w.role = { ...w.role, project };
        w.why.push({ code: 'cost-of-project', project });
      }
    }
    const named = members.filter((m) => {
      if (m.role.kind !== 'member') return false;
      const group = m.role.group;
      if (distinctiveWords(m.label).some((word) => mentions(w.label, word))) return true;
      const only = members.filter((o) => o.role.kind === 'member' && o.role.group === group).length === 1;
      if (!only) return false;
      if (group === 'state') return /försäkringskassan|arbetsförmedlingen|\b(fk|af)\b/i.test(w.label);
      if (group === 'region') return /\bregion(en)?\b/i.test(w.label);
      return /\bkommunen\b/i.test(w.label);
    });
    if (named.length === 1) {
      const m = named[0] as WorkRow;
      w.role = { ...w.role, member: m.key };
      w.why.push({ code: 'requisitioning-member', member: displayLabel(m.label) });
    }
  }
}
