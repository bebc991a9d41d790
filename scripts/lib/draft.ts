// Draft text for a new edition's Tjänsteskrivelse. Every number is an inline expression bound to loader output, so the
// draft stays true when the data changes; the analyst rewrites the wording and removes the draft marks. The seasonal
// sentence (season() in src/components/prose.ts) is empty when the earlier years show no pattern, so a bullet only
// says it where it has something to say.

const MARK = '<span class="nr-utkast">utkast</span>';

/** The Sammanfattning bullets, each comparing the month with the previous month and/or last year. */
export function draftSummary(): string {
  const bullets = [
    'Utbetalningshushåll ${change(m.utbetalningshushall, "month", {mode: "absolute"})} och ${change(m.utbetalningshushall, "year", {mode: "both"})}. ${season(m.utbetalningshushall)} Utbetalt ekonomiskt bistånd för ${formatMonth(month)} var ${value(m.utbetalt)}, vilket ${change(m.utbetalt, "year")}. ${season(m.utbetalt)}',
    'Antal hushåll med insats ekonomiskt bistånd var ${value(m.hushall_insats)} i ${formatMonth(month)} och ${change(m.hushall_insats, "month", {mode: "absolute"})}. Mot samma månad föregående år: ${change(m.hushall_insats, "year", {mode: "absolute"})}. ${season(m.hushall_insats)}',
    'Antal hushåll med insats ekonomiskt bistånd vid långvarigt biståndsbehov (som mäts på samma sätt oavsett verksamhetssystem) var ${value(m.langvariga)} och ${change(m.langvariga, "month", {mode: "absolute"})}.',
    'Inskrivna i arbetsmarknadsinsatser var ${value(m.am_inskrivna)} personer, vilket ${change(m.am_inskrivna, "year", {mode: "both"})}. ${season(m.am_inskrivna)}',
    'Antal hushåll vid integrationsenheten, både de som är under utredning och de som har bedömts ha rätt till ekonomiskt bistånd, var ${value(m.integration)} och ${change(m.integration, "month", {mode: "absolute"})}.',
    'Nya hushåll med insats ekonomiskt bistånd under ${formatMonth(month)} var ${value(m.nya_insatser)}, vilket ${change(m.nya_insatser, "month", {mode: "absolute"})}. ${season(m.nya_insatser)}',
    "Andelen återaktualiserade inom ekonomiskt bistånd mindre än ett år efter avslut var vid ${formatMonth(month)} ${value(m.ateraktualiserade_eb)}.",
    'Nyinskrivna deltagare i arbetsmarknad i ${formatMonth(month)} var ${value(m.am_nya)}, vilket ${change(m.am_nya, "month", {mode: "absolute"})}.',
    'Avslutade insatser ekonomiskt bistånd var ${value(m.avslutade_insatser)} och ${change(m.avslutade_insatser, "month", {mode: "absolute"})}. De vanligaste orsakerna till avslut var ${topReasons(eb.avslutsorsaker)}.',
    'Avslut från arbetsmarknad var ${value(m.am_avslutade)} och ${change(m.am_avslutade, "month", {mode: "absolute"})}. Vanligaste avslutsorsak var ${topReasons(am.avslutsorsaker, 1)}.'
  ];
  return bullets.map((b) => `- ${b} ${MARK}`).join("\n");
}

/** The Vuxenutbildning paragraph: the figures in a vux edition, otherwise when the next report comes. */
export function draftVux(withVux: boolean): string {
  if (withVux) {
    return [
      "```js",
      'const vux = FileAttachment("data/vuxenutbildning.json").json().then(section);',
      "```",
      "",
      "Vuxenutbildningen redovisar ${formatInteger(vux.elever.total)} unika elever hos anordnarna ${vux.referenceDate}. Antagningen per skola redovisas i Bilaga 1. " +
        MARK
    ].join("\n");
  }
  return "${vuxScheduleSentence(settings.vuxReportMonths)} Nästa rapport är ${formatMonthName(nextVuxMeeting(month, settings.vuxReportMonths))} månad.";
}
