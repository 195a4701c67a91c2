import { describe, expect, it } from "vitest";
import { CATALOGUE_SEARCH_MAX_LENGTH, parseCatalogueSearch } from "@/lib/domain/catalogue-search";

describe("parseCatalogueSearch", () => {
  it("reads ?q= trimmed, and no search when it is missing or odd", () => {
    expect(parseCatalogueSearch({ q: "  rust  " })).toBe("rust");
    expect(parseCatalogueSearch({})).toBe("");
    expect(parseCatalogueSearch({ q: 42 })).toBe("");
    expect(parseCatalogueSearch({ q: ["first", "second"] })).toBe("first");
  });

  it("drops NUL, which the database can't take, and cuts a search longer than the field allows", () => {
    expect(parseCatalogueSearch({ q: "da\u0000ta" })).toBe("data");
    expect(parseCatalogueSearch({ q: "x".repeat(500) })).toHaveLength(CATALOGUE_SEARCH_MAX_LENGTH);
  });
});
