import { z } from "zod";

/*
 * The roadmap file format (version 1): built-in roadmaps ship as files in it, authors'
 * drafts are kept in it, and roadmaps are exported and imported in it (YAML or JSON). The
 * JSON Schema at /roadmap.schema.json is generated from these definitions.
 *
 * Slugs are the stable identity of stages and milestones: publishing and the sync match on
 * them, so a title or text can change freely while a learner's progress stays attached.
 * Never reuse a retired slug for a different topic.
 */
export const ROADMAP_FILE_FORMAT = "waymark-roadmap/1";

/** Limits per roadmap, enforced wherever a roadmap is written (sync, draft save, publish, import). */
export const ROADMAP_LIMITS = {
  stages: 20,
  milestones: 300,
  resourcesPerMilestone: 20,
  doneWhenPerMilestone: 5,
  listItemsPerMilestone: 20,
  titleLength: 120,
  stageTitleLength: 80,
  summaryLength: 600,
  descriptionLength: 5000,
  whyItMattersLength: 600,
  practiceLength: 1000,
  itemLength: 200,
  urlLength: 2000,
  /** "1+ year" stages start at month 12; twenty years is past any plan anyone follows. */
  lastMonth: 240,
} as const;

const slug = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slugs are lower-case words joined by hyphens");

/** Whether a value could be a slug of the content: an address that cannot be needs no lookup. */
export function isSlug(value: string): boolean {
  return slug.safeParse(value).success;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default("");
const items = (max: number) => z.array(text(ROADMAP_LIMITS.itemLength)).max(max).default([]);

export const RESOURCE_KINDS = ["docs", "course", "book", "video", "practice", "certificate"] as const;

export const resourceSchema = z.strictObject({
  title: text(ROADMAP_LIMITS.itemLength),
  kind: z.enum(RESOURCE_KINDS),
  /** Whether it can be used without paying (a paid certificate's free audit still counts as paid). */
  free: z.boolean(),
  provider: text(ROADMAP_LIMITS.itemLength).optional(),
  url: z
    .url({ protocol: /^https$/ })
    .max(ROADMAP_LIMITS.urlLength)
    .optional(),
});

export const milestoneContentSchema = z.strictObject({
  slug,
  title: text(ROADMAP_LIMITS.titleLength),
  /** Markdown, rendered as safely as notes. */
  description: optionalText(ROADMAP_LIMITS.descriptionLength),
  whyItMatters: optionalText(ROADMAP_LIMITS.whyItMattersLength),
  skills: items(ROADMAP_LIMITS.listItemsPerMilestone),
  tools: items(ROADMAP_LIMITS.listItemsPerMilestone),
  resources: z.array(resourceSchema).max(ROADMAP_LIMITS.resourcesPerMilestone).default([]),
  /** Self-checks: the learner can tick the milestone off once each holds. */
  doneWhen: items(ROADMAP_LIMITS.doneWhenPerMilestone),
  /** A project idea that puts the milestone to use. */
  practice: optionalText(ROADMAP_LIMITS.practiceLength),
});

const month = z.number().int().min(0).max(ROADMAP_LIMITS.lastMonth);

export const stageContentSchema = z
  .strictObject({
    slug,
    title: text(ROADMAP_LIMITS.stageTitleLength),
    summary: optionalText(ROADMAP_LIMITS.summaryLength),
    /** The stage's time window in months from the learner's start; null: no window given. */
    startMonth: month.nullable().default(null),
    /** null with a start: open-ended ("1+ year"). */
    endMonth: month.nullable().default(null),
    // Bounded here too, not only in the roadmap's total: zod parses every element before a refinement runs.
    milestones: z.array(milestoneContentSchema).max(ROADMAP_LIMITS.milestones).default([]),
  })
  .superRefine((stage, ctx) => {
    if (stage.endMonth === null) return;
    if (stage.startMonth === null) {
      ctx.addIssue({ code: "custom", path: ["startMonth"], message: "a stage with an end month needs a start month" });
    } else if (stage.endMonth <= stage.startMonth) {
      ctx.addIssue({ code: "custom", path: ["endMonth"], message: "the end month must come after the start month" });
    }
  });

export const salaryBandSchema = z.strictObject({
  level: text(ROADMAP_LIMITS.itemLength),
  experience: text(ROADMAP_LIMITS.itemLength),
  min: z.number().int().positive(),
  /** null: the source gives only a lower bound ("and up"). */
  max: z.number().int().positive().nullable(),
});

/** One source's salary table: figures from different sources and regions are never mixed. */
export const salaryGuideSchema = z.strictObject({
  region: text(ROADMAP_LIMITS.itemLength),
  currency: z.enum(["USD", "EUR", "GBP", "INR"]),
  source: text(ROADMAP_LIMITS.itemLength),
  bands: z.array(salaryBandSchema).min(1).max(20),
});

export const roadmapContentSchema = z
  .strictObject({
    $schema: z.string().max(ROADMAP_LIMITS.urlLength).optional(),
    format: z.literal(ROADMAP_FILE_FORMAT).optional(),
    slug,
    title: text(ROADMAP_LIMITS.titleLength),
    summary: optionalText(ROADMAP_LIMITS.summaryLength),
    stages: z.array(stageContentSchema).max(ROADMAP_LIMITS.stages),
    salaryGuides: z.array(salaryGuideSchema).max(10).default([]),
    salaryCaveat: optionalText(ROADMAP_LIMITS.summaryLength),
  })
  .superRefine((roadmap, ctx) => {
    const seen = new Set<string>();
    let count = 0;
    for (const [stageIndex, stage] of roadmap.stages.entries()) {
      for (const [milestoneIndex, milestone] of stage.milestones.entries()) {
        count += 1;
        if (seen.has(milestone.slug)) {
          ctx.addIssue({
            code: "custom",
            path: ["stages", stageIndex, "milestones", milestoneIndex, "slug"],
            message: `duplicate milestone slug ${milestone.slug}`,
          });
        }
        seen.add(milestone.slug);
      }
    }
    if (count > ROADMAP_LIMITS.milestones) {
      ctx.addIssue({
        code: "custom",
        path: ["stages"],
        message: `a roadmap holds at most ${ROADMAP_LIMITS.milestones} milestones (this one has ${count})`,
      });
    }
    const stageSlugs = new Set<string>();
    for (const [stageIndex, stage] of roadmap.stages.entries()) {
      if (stageSlugs.has(stage.slug)) {
        ctx.addIssue({
          code: "custom",
          path: ["stages", stageIndex, "slug"],
          message: `duplicate stage slug ${stage.slug}`,
        });
      }
      stageSlugs.add(stage.slug);
    }
  });

export type RoadmapContent = z.infer<typeof roadmapContentSchema>;
/** A roadmap as written in a file: every field with a default may be left out. */
export type RoadmapFileInput = z.input<typeof roadmapContentSchema>;
export type StageContent = z.infer<typeof stageContentSchema>;
export type MilestoneContent = z.infer<typeof milestoneContentSchema>;
export type ResourceContent = z.infer<typeof resourceSchema>;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type SalaryBand = z.infer<typeof salaryBandSchema>;
export type SalaryGuide = z.infer<typeof salaryGuideSchema>;

/** What keeps a roadmap from being published: every stage needs a milestone, and there must be a stage. */
export function publishProblems(content: RoadmapContent): { path: (string | number)[]; message: string }[] {
  if (content.stages.length === 0) return [{ path: ["stages"], message: "Add a stage before publishing." }];
  return content.stages.flatMap((stage, index) =>
    stage.milestones.length === 0
      ? [{ path: ["stages", index, "milestones"], message: `Add a milestone to “${stage.title}” before publishing.` }]
      : [],
  );
}
