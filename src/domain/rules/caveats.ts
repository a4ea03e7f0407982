import type { Context } from "./input.js";
import { CASE_SUBJECTS, codesWithoutRules } from "./legal-basis.js";
import type { AdmissibilityResult, Caveat } from "./schemas.js";

/**
 * What the officer must know about the check itself: the legal basis has no treaty rules
 * (reciprocity), an instrument has none encoded, rules are unverified or only advisory,
 * thresholds were read against one state's law, and the reservations and declarations that
 * may change a rule.
 */

export function caveats(result: AdmissibilityResult, context: Context, reciprocity: boolean): Caveat[] {
  const { header, input } = context;
  const list: Caveat[] = [];
  const add = (code: string, en: string, ru: string, ruleIds: string[] = []) =>
    list.push({ code, text: { en, ru }, ruleIds });

  if (reciprocity)
    add(
      "reciprocity",
      "The legal basis is reciprocity: no treaty rule applies. The requested state's domestic law governs; the checker asks only the usual questions.",
      "Правовое основание — взаимность: договорные правила не применяются. Действует внутреннее право запрашиваемого государства; проверка задаёт только обычные вопросы.",
    );
  else if (result.legalBasisCodes.length === 0)
    add(
      "no_legal_basis",
      "No instrument of the legal basis is in force between the two states (or none is chosen): no treaty rule was applied.",
      "Между государствами не действует (или не выбран) ни один документ правового основания: договорные правила не применялись.",
    );
  const silent = codesWithoutRules(input.rules, result.legalBasisCodes);
  if (silent.length > 0)
    add(
      "no_rules_for_instrument",
      `No admissibility rules are encoded for ${silent.join(", ")}: read the text for grounds and conditions.`,
      `Для ${silent.join(", ")} правила проверки не внесены: основания и условия смотрите в тексте.`,
    );

  const used = [
    ...result.grounds,
    ...result.judgementGrounds,
    ...result.conditions,
    ...result.refusalLimits,
    ...result.thresholds,
    ...result.followUps,
    ...result.notes,
  ];
  const requiredContentRules = new Set(result.requiredContent.map((item) => item.ruleId));
  const unverified = [
    ...new Set([
      ...used.filter((finding) => !finding.verified).map((finding) => finding.ruleId),
      ...input.rules
        .filter((rule) => requiredContentRules.has(rule.id) && !rule.verified)
        .map((rule) => rule.id),
    ]),
  ];
  if (unverified.length > 0)
    add(
      "unverified_rules",
      `These rules were encoded from knowledge of the text and not yet checked against it: ${unverified.join(", ")}. A lawyer should confirm them.`,
      `Эти правила внесены по памяти и ещё не сверены с текстом: ${unverified.join(", ")}. Их должен подтвердить юрист.`,
      unverified,
    );

  const advisory = result.thresholds.filter((finding) => finding.advisory);
  if (advisory.length > 0) {
    const ids = [...new Set(advisory.map((finding) => finding.ruleId))];
    add(
      "advisory_rules",
      `${ids.join(", ")}: INTERPOL's rules, shown as advice for the notice; they are not grounds under the legal basis.`,
      `${ids.join(", ")}: правила Интерпола, приведены как справка по уведомлению; это не основания по правовому основанию запроса.`,
      ids,
    );
    const failing = advisory.filter((finding) => finding.passes === false);
    if (failing.length > 0)
      add(
        "interpol_threshold_not_met",
        `The Red Notice threshold is not met for ${failing.map((finding) => finding.offenceId ?? "the offence").join(", ")}: the notice may be challenged or refused.`,
        `Порог «красного уведомления» не достигнут для ${failing.map((finding) => finding.offenceId ?? "преступления").join(", ")}: уведомление может быть оспорено или отклонено.`,
        [...new Set(failing.map((finding) => finding.ruleId))],
      );
  }
  const treatyThresholds = result.thresholds.filter((finding) => !finding.advisory && !finding.displacedBy);
  if (treatyThresholds.length > 0)
    add(
      "threshold_requesting_law_only",
      "Thresholds were tested against the requesting state's penalty; the offence must also carry the minimum under the requested state's law.",
      "Пороги проверены по наказанию запрашивающего государства; преступление должно достигать минимума и по закону запрашиваемого государства.",
      [...new Set(treatyThresholds.map((finding) => finding.ruleId))],
    );
  const displaced = new Map(
    result.thresholds
      .filter((finding) => finding.displacedBy)
      .map((finding) => [finding.ruleId, finding.displacedBy]),
  );
  for (const [ruleId, by] of displaced)
    add(
      "threshold_displaced",
      `${ruleId}: the extradition treaty's minimum (${by}) applies instead.`,
      `${ruleId}: вместо него применяется минимум договора о выдаче (${by}).`,
      [ruleId],
    );

  for (const overlay of context.overlays) {
    const payload = overlay.payload;
    const own = overlay.state === header.requestedState;
    // The registry marks party actions it has not checked against the depositary's record.
    const entry =
      overlay.verified === false
        ? { en: " (registry entry not verified)", ru: " (запись реестра не проверена)" }
        : { en: "", ru: "" };
    if (payload.kind === "nationals_definition" && own && header.kind === "extradition")
      add(
        "nationals_definition",
        `${overlay.state} defines "nationals" for ${overlay.instrumentCode} by declaration${entry.en}: "${payload.definition}". Own nationality was read from citizenship; check the person against this definition.`,
        `${overlay.state} определяет понятие «граждане» для ${overlay.instrumentCode} в заявлении${entry.ru}: «${payload.definition}». Гражданство определено по записям о гражданстве; проверьте лицо по этому определению.`,
      );
    if (
      payload.kind === "subject_exclusion" &&
      payload.subjects.some((subject) => CASE_SUBJECTS[header.kind].includes(subject))
    )
      add(
        "subject_excluded",
        `${overlay.state} excluded ${payload.subjects.join(", ")} from ${overlay.instrumentCode} by reservation or declaration${entry.en}: the instrument may not be a basis for this request.`,
        `${overlay.state} исключило ${payload.subjects.join(", ")} из сферы ${overlay.instrumentCode} оговоркой или заявлением${entry.ru}: документ может не служить основанием для этого запроса.`,
      );
    if (payload.kind === "other")
      add(
        "reservation_text",
        `${overlay.state} made a reservation or declaration to ${overlay.instrumentCode} that may change a rule${entry.en}: "${payload.text}".`,
        `${overlay.state} сделало оговорку или заявление к ${overlay.instrumentCode}, которые могут изменить правило${entry.ru}: «${payload.text}».`,
      );
  }
  return list;
}
