import { backendDeveloperRoadmap } from "./backend-developer";
import type { RoadmapContent } from "./content-schema";

/** Every roadmap the app serves; the sync writes each of them on start. */
export const roadmapContents: RoadmapContent[] = [backendDeveloperRoadmap];
