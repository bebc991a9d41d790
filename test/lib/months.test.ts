import {describe, expect, test} from "vitest";
import {addMonths, firstDay, lastDay, monthRange, monthsBetween, windowStart} from "../../src/lib/months.ts";

describe("month arithmetic", () => {
  test("addMonths crosses year ends both ways", () => {
    expect(addMonths("2023-11", 2)).toBe("2024-01");
    expect(addMonths("2023-01", -1)).toBe("2022-12");
    expect(addMonths("2023-11", -12)).toBe("2022-11");
    expect(addMonths("2023-02", -24)).toBe("2021-02");
  });

  test("monthRange includes both ends", () => {
    expect(monthRange("2022-11", "2023-02")).toEqual(["2022-11", "2022-12", "2023-01", "2023-02"]);
    expect(monthRange("2023-02", "2023-01")).toEqual([]);
    expect(monthsBetween("2021-02", "2023-11")).toBe(33);
  });

  test("lastDay knows month lengths and leap years", () => {
    expect(lastDay("2023-11")).toBe("2023-11-30");
    expect(lastDay("2024-02")).toBe("2024-02-29");
    expect(lastDay("2023-02")).toBe("2023-02-28");
    expect(firstDay("2023-08")).toBe("2023-08-01");
  });

  test("windowStart goes to February two years back", () => {
    expect(windowStart("2023-02")).toBe("2021-02");
    expect(windowStart("2023-11")).toBe("2021-02");
    expect(windowStart("2023-11", 1)).toBe("2021-01");
  });
});
