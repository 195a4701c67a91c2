import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MilestoneResources } from "@/components/milestone-resources";

describe("a milestone's resources", () => {
  const html = renderToStaticMarkup(
    <MilestoneResources
      resources={[
        { title: "Meta Back-End Developer Professional Certificate", kind: "certificate", free: false },
        { title: "LeetCode problem set", kind: "practice", free: true, url: "https://leetcode.com/problemset/" },
        { title: "Pro Git", kind: "book", free: true, provider: "Scott Chacon and Ben Straub" },
        {
          title: "The PostgreSQL tutorial",
          kind: "docs",
          free: true,
          url: "https://www.postgresql.org/docs/current/tutorial.html",
        },
      ]}
    />,
  );

  it("groups them by kind, documentation first and certificates last", () => {
    const order = ["Documentation", "Books", "Hands-on practice", "Certificates"].map((label) => html.indexOf(label));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).not.toContain("Videos");
  });

  it("says in words whether each is free or paid", () => {
    expect(html.match(/>Free</g)).toHaveLength(3);
    expect(html.match(/>Paid</g)).toHaveLength(1);
  });

  it("links only resources that have an address, opening them safely in a new tab", () => {
    expect(html.match(/<a /g)).toHaveLength(2);
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain("Scott Chacon and Ben Straub");
  });

  it("shows nothing for a milestone without resources", () => {
    expect(renderToStaticMarkup(<MilestoneResources resources={[]} />)).toBe("");
  });
});
