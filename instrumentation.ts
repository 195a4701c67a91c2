/*
 * Runs once when a server starts: queued and scheduled work (mail) starts with it, in the
 * Node.js runtime only. Not awaited: a database slow to answer delays the jobs, not the server.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAppJobs } = await import("./lib/jobs/app-jobs");
  void startAppJobs();
}
