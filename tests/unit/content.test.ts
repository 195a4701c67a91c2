import { describe, expect, it } from "vitest";
import { loadBuiltInRoadmaps } from "@/db/content";
import { roadmapContentSchema, type RoadmapContent } from "@/db/content/content-schema";

const roadmap: RoadmapContent = loadBuiltInRoadmaps().find((content) => content.slug === "backend-developer")!;
const allMilestones = roadmap.stages.flatMap((stage) => stage.milestones);

const articleMilestones: Record<string, string[]> = {
  foundation: [
    "master-one-programming-language",
    "learn-data-structures-and-algorithms",
    "understand-http-and-rest",
    "learn-sql-fundamentals",
    "set-up-dev-environment-and-git",
  ],
  intermediate: [
    "learn-a-web-framework",
    "build-rest-apis",
    "learn-database-design",
    "implement-authentication-and-authorization",
    "deploy-first-app-to-cloud",
  ],
  advanced: [
    "learn-microservices-architecture",
    "implement-caching-with-redis",
    "learn-message-queues",
    "master-testing",
    "learn-docker-containerization",
  ],
  professional: [
    "learn-system-design",
    "master-cloud-services",
    "adopt-devops-and-ci-cd",
    "contribute-to-open-source",
    "mentor-junior-developers",
  ],
};

const articleTools = [
  "Web browser developer tools",
  "Python",
  "Node.js",
  "LeetCode",
  "HackerRank",
  "curl",
  "PostgreSQL",
  "MySQL",
  "DBeaver",
  "phpMyAdmin",
  "pgAdmin",
  "Git",
  "GitHub",
  "GitLab",
  "VS Code",
  "Visual Studio Code",
  "IntelliJ IDEA",
  "Sublime Text",
  "Django",
  "Flask",
  "Express.js",
  "Spring Boot",
  "Laravel",
  "Ruby on Rails",
  "Postman",
  "Insomnia",
  "MongoDB",
  "Cassandra",
  "bcrypt",
  "JWT",
  "OAuth",
  "Nginx",
  "Apache HTTP Server",
  "AWS",
  "Azure",
  "GCP",
  "Amazon Web Services (AWS)",
  "Microsoft Azure",
  "Google Cloud",
  "GraphQL",
  "Redis",
  "RabbitMQ",
  "Apache Kafka",
  "Jest",
  "Pytest",
  "JUnit",
  "Newman",
  "Selenium",
  "Docker",
  "Docker Desktop",
  "Kubernetes",
  "Jenkins",
  "Travis CI",
  "CircleCI",
  "Sentry",
  "Loggly",
];

/** A deep copy that tests may break without touching the shipped content. */
function copy(): RoadmapContent {
  return structuredClone(roadmap);
}

describe("Backend Developer roadmap content", () => {
  it("passes the content schema", () => {
    const result = roadmapContentSchema.safeParse(roadmap);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it("has the four stages in order with their time windows", () => {
    expect(roadmap.stages.map((s) => [s.slug, s.startMonth, s.endMonth])).toEqual([
      ["foundation", 0, 3],
      ["intermediate", 3, 6],
      ["advanced", 6, 12],
      ["professional", 12, null],
    ]);
  });

  it("explains every milestone: a description, why it matters and at least one skill", () => {
    for (const milestone of allMilestones) {
      expect(milestone.description.trim(), milestone.slug).not.toBe("");
      expect(milestone.whyItMatters.trim(), milestone.slug).not.toBe("");
      expect(milestone.skills.length, milestone.slug).toBeGreaterThan(0);
    }
  });

  it.each(Object.entries(articleMilestones))(
    "holds the article's %s milestones in their stage, in the article's order",
    (stageSlug, slugs) => {
      const stage = roadmap.stages.find((s) => s.slug === stageSlug);
      expect(stage).toBeDefined();
      const stageSlugs = stage!.milestones.map((m) => m.slug);
      for (const slug of slugs) expect(stageSlugs, slug).toContain(slug);
      expect(stageSlugs.filter((slug) => slugs.includes(slug))).toEqual(slugs);
    },
  );

  it("uses every milestone slug only once", () => {
    const slugs = allMilestones.map((m) => m.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it.each(["Meta Back-End Developer Professional Certificate", "IBM Back-End Development Professional Certificate"])(
    "recommends the %s as a certificate",
    (title) => {
      const resources = allMilestones.flatMap((m) => m.resources).filter((r) => r.title === title);
      expect(resources.length).toBeGreaterThan(0);
      for (const resource of resources) expect(resource.kind).toBe("certificate");
    },
  );

  it.each(allMilestones.map((m) => [m.slug, m] as const))(
    "gives %s enough to follow: three resources of two kinds, two to five self-checks and a practice idea",
    (_slug, milestone) => {
      expect(milestone.resources.length).toBeGreaterThanOrEqual(3);
      expect(new Set(milestone.resources.map((r) => r.kind)).size).toBeGreaterThanOrEqual(2);
      expect(milestone.doneWhen.length).toBeGreaterThanOrEqual(2);
      expect(milestone.doneWhen.length).toBeLessThanOrEqual(5);
      expect(milestone.practice.trim()).not.toBe("");
    },
  );

  it("links only to https pages, never to a bare homepage, and never twice in a milestone", () => {
    for (const milestone of allMilestones) {
      const urls: string[] = [];
      for (const resource of milestone.resources) {
        if (resource.url === undefined) continue;
        const where = `${milestone.slug}: ${resource.title}`;
        const url = new URL(resource.url);
        expect(url.protocol, where).toBe("https:");
        // A product's homepage is a tool, listed under tools; a resource points at the page to read.
        expect(url.pathname, where).not.toBe("/");
        expect(url.search, `${where} has a query string`).toBe("");
        urls.push(url.href);
      }
      expect(urls.length, `${milestone.slug} repeats a link`).toBe(new Set(urls).size);
      const titles = milestone.resources.map((r) => r.title.toLowerCase());
      expect(titles.length, `${milestone.slug} repeats a resource title`).toBe(new Set(titles).size);
    }
  });

  it.each([
    ["Introduction to Back-End Development", "course"],
    ["The Complete 2023 Web Development Bootcamp", "course"],
    ["Node.js, Express, MongoDB & More: The Complete Bootcamp 2024", "course"],
    ["Complete Backend Development 2023 Bundle – Python Roadmap", "course"],
    ["Back-End Web Development with Node, Express, and MongoDB", "course"],
    ["AWS Certified Developer", "certificate"],
  ])("keeps the articles' %s as a paid %s", (title, kind) => {
    const resources = allMilestones.flatMap((m) => m.resources).filter((r) => r.title === title);
    expect(resources.length).toBeGreaterThan(0);
    for (const resource of resources) {
      expect(resource.kind).toBe(kind);
      expect(resource.free).toBe(false);
    }
  });

  it.each(["freeCodeCamp", "Codecademy"])("keeps the articles' learning platform %s", (provider) => {
    expect(allMilestones.flatMap((m) => m.resources).some((r) => r.provider === provider)).toBe(true);
  });

  it("keeps every tool the articles name", () => {
    const tools = new Set(allMilestones.flatMap((m) => m.tools));
    for (const tool of articleTools) expect(tools, tool).toContain(tool);
  });

  it("shows salary guides whose bands never run backwards", () => {
    expect(roadmap.salaryGuides.length).toBeGreaterThan(0);
    for (const guide of roadmap.salaryGuides) {
      expect(guide.bands.length, guide.source).toBeGreaterThan(0);
      for (const band of guide.bands) {
        if (band.max !== null) expect(band.min, `${guide.source}: ${band.level}`).toBeLessThanOrEqual(band.max);
      }
    }
  });
});

describe("roadmapContentSchema", () => {
  it("rejects a roadmap that uses a milestone slug twice", () => {
    const broken = copy();
    const first = broken.stages[0]!.milestones[0]!;
    broken.stages[1]!.milestones.push({ ...first });
    const result = roadmapContentSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(first.slug);
  });

  it("rejects two stages with the same slug", () => {
    const broken = copy();
    broken.stages[1]!.slug = broken.stages[0]!.slug;
    expect(roadmapContentSchema.safeParse(broken).success).toBe(false);
  });

  it.each(["learn sql", "Learn-SQL", "learn_sql", "-learn-sql"])("rejects the milestone slug %j", (slug) => {
    const broken = copy();
    broken.stages[0]!.milestones[0]!.slug = slug;
    expect(roadmapContentSchema.safeParse(broken).success).toBe(false);
  });

  it("rejects a milestone with a blank title", () => {
    const broken = copy();
    broken.stages[0]!.milestones[0]!.title = "   ";
    expect(roadmapContentSchema.safeParse(broken).success).toBe(false);
  });

  it("names the place of a wrong field and refuses fields it does not know", () => {
    const broken: Record<string, unknown> = { ...copy(), colour: "red" };
    const issues = roadmapContentSchema.safeParse(broken).error?.issues ?? [];
    expect(issues.some((issue) => issue.code === "unrecognized_keys")).toBe(true);
    const endBeforeStart = copy();
    endBeforeStart.stages[1]!.endMonth = 1;
    const paths = roadmapContentSchema.safeParse(endBeforeStart).error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toContain("stages.1.endMonth");
  });
});
