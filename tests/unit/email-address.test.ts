import { describe, expect, it } from "vitest";
import { emailField, maskEmail, normalizeEmail } from "@/lib/domain/email-address";

describe("email addresses", () => {
  it("are stored trimmed and in lower case", () => {
    expect(normalizeEmail("  Nora@Example.COM ")).toBe("nora@example.com");
  });

  it("are masked to the first letter and the whole domain", () => {
    expect(maskEmail("nora@example.com")).toBe("n***@example.com");
    expect(maskEmail("n@example.com")).toBe("n***@example.com");
    expect(maskEmail("odd@name@example.com")).toBe("o***@example.com");
    expect(maskEmail("@example.com")).toBe("***");
    expect(maskEmail("no-at-sign")).toBe("***");
  });

  it("as a form field, say plainly what is wrong", () => {
    expect(emailField("Enter your new email address.").safeParse(" ").error?.issues[0]?.message).toBe(
      "Enter your new email address.",
    );
    expect(emailField().safeParse("nope").error?.issues[0]?.message).toBe(
      "Enter a valid email address, like name@example.com.",
    );
    expect(emailField().parse(" a@example.com ")).toBe("a@example.com");
  });
});
