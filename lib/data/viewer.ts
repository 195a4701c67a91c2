import "server-only";
/** The signed-in person a data function acts for; every read and write takes one. */
export type Viewer = { id: string; name: string | null; email: string };
