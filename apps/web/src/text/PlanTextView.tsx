/** The plan's text sections, written together (being built). */
export function PlanTextView() {
  return null;
}
