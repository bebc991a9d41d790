import {describe, expect, test} from "vitest";
import {hasVux, meetingMonth, nextVuxMeeting, vuxScheduleSentence} from "../../src/lib/schedule.ts";
import {settings} from "../../src/lib/settings.ts";

const vux = settings.vuxReportMonths;

describe("edition schedule", () => {
  test("hasVux follows the report months of the February, May, September and November meetings", () => {
    expect(hasVux("2023-08", vux)).toBe(true);
    expect(hasVux("2023-11", vux)).toBe(false);
    expect(hasVux("2023-02", vux)).toBe(false);
    expect(hasVux("2023-10", vux)).toBe(true);
  });

  test("nextVuxMeeting names the meeting of the next vux edition", () => {
    // The February 2023 edition goes to the March meeting; the next vux report is in May.
    expect(nextVuxMeeting("2023-02", vux)).toBe("2023-05");
    expect(nextVuxMeeting("2023-11", vux)).toBe("2024-02");
    expect(meetingMonth("2023-12")).toBe("2024-01");
  });

  test("vuxScheduleSentence lists the meeting months in Swedish", () => {
    expect(vuxScheduleSentence(vux)).toBe(
      "Vuxenutbildningen lämnar statistik i februari, maj, september och november."
    );
  });
});
