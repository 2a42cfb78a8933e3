/** The documented content route of a video task (§4.4): the one download that carries the key. */
export const videoContentPath = (taskId: string) =>
  `/v1/videos/${encodeURIComponent(taskId)}/content`;

/** Whether `url` (any origin) names the content route of task `taskId`. */
export function isContentRouteOf(url: string, taskId: string): boolean {
  try {
    return new URL(url).pathname === videoContentPath(taskId);
  } catch {
    return false;
  }
}
