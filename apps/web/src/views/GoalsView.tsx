/** Goals, indicators and activities, and which insatser serve which goal (being built). */
export function GoalsView() {
  return null;
}
