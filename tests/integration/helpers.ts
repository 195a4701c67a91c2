import { randomUUID } from "node:crypto";
import { createUserWithPassword } from "@/lib/data/users";
import type { Viewer } from "@/lib/data/viewer";
import { getRoadmapForViewer } from "@/lib/data/roadmaps";

export const TEST_PASSWORD = "a long and unusual passphrase";

export function uniqueEmail(label = "learner"): string {
  return `${label}-${randomUUID()}@example.test`;
}

export async function createLearner(name = "Test Learner"): Promise<Viewer> {
  return createUserWithPassword({ name, email: uniqueEmail(), password: TEST_PASSWORD });
}

/** The shipped Backend Developer roadmap's milestones, in roadmap order. */
export async function backendMilestones() {
  const { roadmap } = await getRoadmapForViewer({ viewer: null, slug: "backend-developer" });
  return roadmap.stages.flatMap((stage) => stage.milestones.map((milestone) => ({ ...milestone, stageId: stage.id })));
}
