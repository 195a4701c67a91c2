import { z } from "zod";

/*
 * The shape of a roadmap content file. Slugs are the stable identity of stages and
 * milestones: the sync matches on them, so a title or text can change freely while a
 * learner's progress stays attached. Never reuse a retired slug for a different topic.
 */
const slug = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slugs are lower-case words joined by hyphens");

/** Whether a value could be a slug of the content: an address that cannot be needs no lookup. */
export function isSlug(value: string): boolean {
  return slug.safeParse(value).success;
}

const text = z.string().trim().min(1);

export const resourceSchema = z.object({
  title: text,
  kind: z.enum(["course", "certificate", "tool", "docs", "practice"]),
  provider: text.optional(),
  url: z.url({ protocol: /^https$/ }).optional(),
});

export const milestoneContentSchema = z.object({
  slug,
  title: text.max(120),
  description: text.max(600),
  whyItMatters: text.max(400),
  skills: z.array(text).min(1).max(12),
  tools: z.array(text).max(12),
  resources: z.array(resourceSchema).max(10),
});

export const stageContentSchema = z.object({
  slug,
  title: text.max(60),
  startMonth: z.number().int().min(0),
  /** null: open-ended ("1+ year"). */
  endMonth: z.number().int().positive().nullable(),
  summary: text.max(300),
  milestones: z.array(milestoneContentSchema).min(1),
});

export const salaryBandSchema = z.object({
  level: text,
  experience: text,
  min: z.number().int().positive(),
  /** null: the source gives only a lower bound ("and up"). */
  max: z.number().int().positive().nullable(),
});

/** One source's salary table: figures from different sources and regions are never mixed. */
export const salaryGuideSchema = z.object({
  region: text,
  currency: z.enum(["USD", "EUR", "GBP", "INR"]),
  source: text,
  bands: z.array(salaryBandSchema).min(1),
});

export const roadmapContentSchema = z
  .object({
    slug,
    title: text.max(80),
    summary: text.max(400),
    stages: z.array(stageContentSchema).min(1),
    salaryGuides: z.array(salaryGuideSchema),
    salaryCaveat: text.max(500),
  })
  .superRefine((roadmap, ctx) => {
    const seen = new Set<string>();
    for (const stage of roadmap.stages) {
      for (const milestone of stage.milestones) {
        if (seen.has(milestone.slug)) {
          ctx.addIssue({ code: "custom", message: `duplicate milestone slug ${milestone.slug}` });
        }
        seen.add(milestone.slug);
      }
    }
    const stageSlugs = new Set(roadmap.stages.map((stage) => stage.slug));
    if (stageSlugs.size !== roadmap.stages.length) {
      ctx.addIssue({ code: "custom", message: "duplicate stage slug" });
    }
  });

export type RoadmapContent = z.infer<typeof roadmapContentSchema>;
export type StageContent = z.infer<typeof stageContentSchema>;
export type MilestoneContent = z.infer<typeof milestoneContentSchema>;
export type ResourceContent = z.infer<typeof resourceSchema>;
export type SalaryBand = z.infer<typeof salaryBandSchema>;
export type SalaryGuide = z.infer<typeof salaryGuideSchema>;
