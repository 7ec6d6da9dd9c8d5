import type { FindingJson } from '@samplan/engine';
import { useCallback } from 'react';
import { usePlan, useT, useUnit } from '../../app/hooks.ts';
import { findingText } from './findingText.ts';

/** The text of a finding in the workspace's language and unit. */
export function useFindingText(): (finding: FindingJson) => string {
  const t = useT();
  const unit = useUnit();
  const plan = usePlan();
  const equityCap = plan.thresholds.equityCap;
  return useCallback((finding: FindingJson) => findingText(finding, { t, unit, equityCap }), [t, unit, equityCap]);
}
