using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantsHub.Web.Features.Rounds;

public sealed record FormBuilderPage(Round Round, bool Locked, SectionForm NewSection);

public sealed record QuestionPage(int RoundId, string RoundTitle, string SectionTitle, int? QuestionId, QuestionForm Form);

/// <summary>The assessment criteria and the application form (sections and questions) of a round.</summary>
[Route("funder/rounds/{id:int}")]
public sealed class RoundFormController(GrantsHubDbContext db, RoundSetupService rounds) : Controller
{
    private const string LockedMessage = "The form is locked because an application has been started. Copy the round to change its questions.";
    private const int BlankCriteriaRows = 2;

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpGet("criteria")]
    public async Task<IActionResult> Criteria(int id)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        if (round is null)
        {
            return NotFound();
        }

        var form = new CriteriaForm
        {
            Version = round.Version,
            ScoreMinimum = round.ScoreMinimum,
            ScoreMaximum = round.ScoreMaximum,
            Rows = round.Criteria.OrderBy(c => c.Order).Select(c => new CriterionRow { Name = c.Name, Guidance = c.Guidance, Weight = c.Weight }).ToList(),
        };
        return CriteriaView(round, form);
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("criteria")]
    public async Task<IActionResult> Criteria(int id, CriteriaForm form)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        if (round is null)
        {
            return NotFound();
        }

        var rows = form.Rows.Where(r => !string.IsNullOrWhiteSpace(r.Name)).ToList();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            var row = form.Rows[i];
            if (!string.IsNullOrWhiteSpace(row.Name) && row.Weight is null)
            {
                ModelState.AddModelError($"Rows[{i}].Weight", $"Enter a weight for {row.Name}");
            }
        }

        if (ModelState.IsValid)
        {
            foreach (var problem in RoundRules.CheckCriteria(rows.Select(r => r.Weight ?? 0).ToList()))
            {
                ModelState.AddModelError("Rows[0].Weight", problem.Message);
            }

            if (form.ScoreMaximum <= form.ScoreMinimum)
            {
                ModelState.AddModelError(nameof(form.ScoreMaximum), "The highest score must be above the lowest");
            }

            if (form.Version != round.Version)
            {
                ModelState.AddModelError("", "Someone else changed this round while you were editing it. Nothing was saved; make your changes again.");
            }
        }

        if (!ModelState.IsValid)
        {
            return CriteriaView(round, form);
        }

        var before = round.Criteria.OrderBy(c => c.Order).Select(c => new { c.Name, c.Weight }).ToList();
        var existing = round.Criteria.OrderBy(c => c.Order).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var criterion = i < existing.Count ? existing[i] : new Criterion { Name = "" };
            criterion.Name = rows[i].Name!.Trim();
            criterion.Guidance = rows[i].Guidance?.Trim() ?? "";
            criterion.Weight = rows[i].Weight!.Value;
            criterion.Order = i + 1;
            if (i >= existing.Count)
            {
                round.Criteria.Add(criterion);
            }
        }

        foreach (var removed in existing.Skip(rows.Count))
        {
            round.Criteria.Remove(removed);
            db.Criteria.Remove(removed);
        }

        round.ScoreMinimum = form.ScoreMinimum;
        round.ScoreMaximum = form.ScoreMaximum;
        db.Entry(round).Property(r => r.ScoreMinimum).IsModified = true; // a new Version marks the change even if only criteria moved
        rounds.Record(round, "round.criteria-changed", $"Assessment criteria of {round.Title} changed", before, rows.Select(r => new { r.Name, r.Weight }).ToList());
        await db.SaveChangesAsync();
        TempData["Flash"] = "The assessment criteria were saved.";
        return RedirectToAction(nameof(RoundSetupController.Overview), "RoundSetup", new { id });
    }

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("form")]
    public async Task<IActionResult> Form(int id)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        return round is null ? NotFound() : View("FormBuilder", new FormBuilderPage(round, await db.FormIsLockedAsync(id), new SectionForm()));
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("form/sections")]
    public async Task<IActionResult> AddSection(int id, SectionForm form)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        if (round is null)
        {
            return NotFound();
        }

        var locked = await db.FormIsLockedAsync(id);
        if (locked)
        {
            ModelState.AddModelError("", LockedMessage);
        }

        if (!ModelState.IsValid)
        {
            return View("FormBuilder", new FormBuilderPage(round, locked, form));
        }

        var section = new FormSection { Title = form.Title.Trim(), Description = form.Description?.Trim() ?? "", Order = round.Sections.Count + 1 };
        round.Sections.Add(section);
        rounds.Record(round, "round.section-added", $"Section {section.Title} added to {round.Title}", null, new { section.Title });
        await db.SaveChangesAsync();
        TempData["Flash"] = $"The section {section.Title} was added. Now add its questions.";
        return RedirectToAction(nameof(Form), new { id });
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("form/sections/{sectionId:int}/remove")]
    public async Task<IActionResult> RemoveSection(int id, int sectionId) =>
        await ChangeFormAsync(id, round =>
        {
            var section = round.Sections.SingleOrDefault(s => s.Id == sectionId);
            if (section is null)
            {
                return null;
            }

            round.Sections.Remove(section);
            db.Questions.RemoveRange(section.Questions);
            db.FormSections.Remove(section);
            Renumber(round.Sections.OrderBy(s => s.Order).ToList(), (s, i) => s.Order = i);
            return $"The section {section.Title} and its questions were removed.";
        });

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("form/sections/{sectionId:int}/move")]
    public async Task<IActionResult> MoveSection(int id, int sectionId, bool up) =>
        await ChangeFormAsync(id, round =>
        {
            var ordered = round.Sections.OrderBy(s => s.Order).ToList();
            var index = ordered.FindIndex(s => s.Id == sectionId);
            return index < 0 ? null : Move(ordered, index, up, (s, i) => s.Order = i, $"The section {ordered[index].Title} was moved.");
        });

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpGet("form/sections/{sectionId:int}/questions/new")]
    public async Task<IActionResult> AddQuestion(int id, int sectionId)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        var section = round?.Sections.SingleOrDefault(s => s.Id == sectionId);
        return round is null || section is null ? NotFound() : QuestionView(round, section, null, new QuestionForm { SectionId = sectionId, Required = true });
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("form/sections/{sectionId:int}/questions/new")]
    public async Task<IActionResult> AddQuestion(int id, int sectionId, QuestionForm form)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        var section = round?.Sections.SingleOrDefault(s => s.Id == sectionId);
        if (round is null || section is null)
        {
            return NotFound();
        }

        if (await db.FormIsLockedAsync(id))
        {
            ModelState.AddModelError("", LockedMessage);
        }

        if (!ModelState.IsValid)
        {
            return QuestionView(round, section, null, form);
        }

        var question = new Question { Text = "", Order = section.Questions.Count + 1 };
        Apply(question, form);
        section.Questions.Add(question);
        rounds.Record(round, "round.question-added", $"Question added to {section.Title} in {round.Title}", null, form);
        await db.SaveChangesAsync();
        TempData["Flash"] = "The question was added.";
        return RedirectToAction(nameof(Form), new { id });
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpGet("form/questions/{questionId:int}")]
    public async Task<IActionResult> EditQuestion(int id, int questionId)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        var question = round?.Sections.SelectMany(s => s.Questions).SingleOrDefault(q => q.Id == questionId);
        if (round is null || question is null)
        {
            return NotFound();
        }

        return QuestionView(round, question.Section!, questionId, new QuestionForm
        {
            SectionId = question.SectionId,
            Text = question.Text,
            HelpText = question.HelpText,
            Type = question.Type,
            Required = question.Required,
            WordLimit = question.WordLimit,
            Options = question.Options,
        });
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("form/questions/{questionId:int}")]
    public async Task<IActionResult> EditQuestion(int id, int questionId, QuestionForm form)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        var question = round?.Sections.SelectMany(s => s.Questions).SingleOrDefault(q => q.Id == questionId);
        if (round is null || question is null)
        {
            return NotFound();
        }

        if (await db.FormIsLockedAsync(id))
        {
            ModelState.AddModelError("", LockedMessage);
        }

        if (!ModelState.IsValid)
        {
            return QuestionView(round, question.Section!, questionId, form);
        }

        var before = new { question.Text, Type = question.Type.ToString(), question.Required, question.WordLimit, question.Options };
        Apply(question, form);
        rounds.Record(round, "round.question-changed", $"Question changed in {round.Title}", before, form);
        await db.SaveChangesAsync();
        TempData["Flash"] = "The question was saved.";
        return RedirectToAction(nameof(Form), new { id });
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("form/questions/{questionId:int}/remove")]
    public async Task<IActionResult> RemoveQuestion(int id, int questionId) =>
        await ChangeFormAsync(id, round =>
        {
            var question = round.Sections.SelectMany(s => s.Questions).SingleOrDefault(q => q.Id == questionId);
            if (question is null)
            {
                return null;
            }

            question.Section!.Questions.Remove(question);
            db.Questions.Remove(question);
            Renumber(question.Section.Questions.OrderBy(q => q.Order).ToList(), (q, i) => q.Order = i);
            return "The question was removed.";
        });

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("form/questions/{questionId:int}/move")]
    public async Task<IActionResult> MoveQuestion(int id, int questionId, bool up) =>
        await ChangeFormAsync(id, round =>
        {
            var question = round.Sections.SelectMany(s => s.Questions).SingleOrDefault(q => q.Id == questionId);
            if (question is null)
            {
                return null;
            }

            var ordered = question.Section!.Questions.OrderBy(q => q.Order).ToList();
            return Move(ordered, ordered.IndexOf(question), up, (q, i) => q.Order = i, "The question was moved.");
        });

    /// <summary>Applies a change to an unlocked form; the change returns its confirmation, or null for "not found".</summary>
    private async Task<IActionResult> ChangeFormAsync(int id, Func<Round, string?> change)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        if (round is null)
        {
            return NotFound();
        }

        if (await db.FormIsLockedAsync(id))
        {
            ModelState.AddModelError("", LockedMessage);
            return View("FormBuilder", new FormBuilderPage(round, true, new SectionForm()));
        }

        var message = change(round);
        if (message is null)
        {
            return NotFound();
        }

        rounds.Record(round, "round.form-changed", $"Application form of {round.Title} changed: {message}", null, null);
        await db.SaveChangesAsync();
        TempData["Flash"] = message;
        return RedirectToAction(nameof(Form), new { id });
    }

    private static string Move<T>(List<T> ordered, int index, bool up, Action<T, int> setOrder, string message)
    {
        var target = up ? index - 1 : index + 1;
        if (target >= 0 && target < ordered.Count)
        {
            (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        }

        Renumber(ordered, setOrder);
        return message;
    }

    private static void Renumber<T>(List<T> ordered, Action<T, int> setOrder)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            setOrder(ordered[i], i + 1);
        }
    }

    private static void Apply(Question question, QuestionForm form)
    {
        question.Text = form.Text.Trim();
        question.HelpText = form.HelpText?.Trim() ?? "";
        question.Type = form.Type;
        question.Required = form.Required;
        question.WordLimit = form.Type == QuestionType.LongText ? form.WordLimit : null;
        question.Options = form.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice
            ? string.Join('\n', (form.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : "";
    }

    private ViewResult CriteriaView(Round round, CriteriaForm form)
    {
        while (form.Rows.Count(r => string.IsNullOrWhiteSpace(r.Name)) < BlankCriteriaRows)
        {
            form.Rows.Add(new CriterionRow());
        }

        ViewBag.RoundTitle = round.Title;
        ViewBag.RoundId = round.Id;
        return View("Criteria", form);
    }

    private ViewResult QuestionView(Round round, FormSection section, int? questionId, QuestionForm form) =>
        View("QuestionForm", new QuestionPage(round.Id, round.Title, section.Title, questionId, form));
}
