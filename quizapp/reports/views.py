"""Teachers: classes, score reports, item analysis and exports. Aspirants: joining classes."""

from __future__ import annotations

import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from . import exports, queries, services
from .forms import (
    AssignForm,
    ClassroomForm,
    ExtraTimeForm,
    ItemAnalysisFilterForm,
    JoinForm,
    ReportFilterForm,
)
from .models import Accommodation, Assignment, Classroom, Membership
from .roles import teacher_required

PER_PAGE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _my_classroom(request: HttpRequest, classroom_id: int) -> Classroom:
    return get_object_or_404(Classroom.objects.for_teacher(request.user), pk=classroom_id)


# --- classes (teachers) -------------------------------------------------------------------


@require_GET
@teacher_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The teacher's classes, a form to start one, and the way to the reports."""
    classrooms = (
        Classroom.objects.for_teacher(request.user)
        .select_related("teacher")
        .annotate(
            student_count=Count("memberships", distinct=True),
            quiz_count=Count("assignments", distinct=True),
        )
    )
    return render(
        request,
        "reports/dashboard.html",
        {"classrooms": classrooms, "form": ClassroomForm()},
    )


@require_POST
@teacher_required
def create_classroom(request: HttpRequest) -> HttpResponse:
    """Start a class with a fresh join code."""
    form = ClassroomForm(request.POST)
    if not form.is_valid():
        classrooms = Classroom.objects.for_teacher(request.user).annotate(
            student_count=Count("memberships", distinct=True),
            quiz_count=Count("assignments", distinct=True),
        )
        return render(
            request,
            "reports/dashboard.html",
            {"classrooms": classrooms, "form": form},
            status=400,
        )
    classroom = form.save(commit=False)
    classroom.teacher = request.user
    classroom.save()
    messages.success(
        request,
        _("Class “%(name)s” is ready. Give your students the join code %(code)s.")
        % {"name": classroom.name, "code": classroom.code},
    )
    return redirect(classroom)


@require_GET
@teacher_required
def classroom_detail(request: HttpRequest, classroom_id: int) -> HttpResponse:
    """The join code, the students and their extra time, and the assigned quizzes."""
    classroom = _my_classroom(request, classroom_id)
    members = list(classroom.memberships.select_related("student").order_by("student__username"))
    extra = dict(
        Accommodation.objects.filter(classroom=classroom).values_list("student_id", "multiplier")
    )
    for member in members:
        member.multiplier = extra.get(member.student_id)
    assignments = classroom.assignments.select_related("quiz")
    return render(
        request,
        "reports/classroom.html",
        {
            "classroom": classroom,
            "members": members,
            "assignments": assignments,
            "assign_form": AssignForm(),
        },
    )


@require_POST
@teacher_required
def regenerate_code(request: HttpRequest, classroom_id: int) -> HttpResponse:
    """A new join code; the old one stops working (members stay)."""
    classroom = _my_classroom(request, classroom_id)
    classroom.regenerate_code()
    messages.success(
        request,
        _("New join code: %(code)s. The old code no longer works.") % {"code": classroom.code},
    )
    return redirect(classroom)


@require_POST
@teacher_required
def assign(request: HttpRequest, classroom_id: int) -> HttpResponse:
    """Assign a quiz to the class, or change the due date of one already assigned."""
    classroom = _my_classroom(request, classroom_id)
    form = AssignForm(request.POST)
    if form.is_valid():
        services.assign_quiz(
            classroom=classroom, quiz=form.cleaned_data["quiz"], due_on=form.cleaned_data["due_on"]
        )
        messages.success(
            request,
            _("“%(quiz)s” is assigned to %(name)s.")
            % {"quiz": form.cleaned_data["quiz"].title, "name": classroom.name},
        )
    else:
        errors = "; ".join(str(e) for field in form.errors.values() for e in field)
        messages.error(request, _("The quiz was not assigned: %(errors)s") % {"errors": errors})
    return redirect(classroom)


@require_POST
@teacher_required
def unassign(request: HttpRequest, classroom_id: int, assignment_id: int) -> HttpResponse:
    """Take a quiz off the class's list (attempts already made are kept)."""
    classroom = _my_classroom(request, classroom_id)
    assignment = get_object_or_404(Assignment, classroom=classroom, pk=assignment_id)
    assignment.delete()
    messages.success(request, _("“%(quiz)s” is no longer assigned.") % {"quiz": assignment.quiz})
    return redirect(classroom)


@require_POST
@teacher_required
def extra_time(request: HttpRequest, classroom_id: int, student_id: int) -> HttpResponse:
    """Grant a student a time multiplier (1 takes the grant away)."""
    classroom = _my_classroom(request, classroom_id)
    membership = get_object_or_404(
        Membership.objects.select_related("student"), classroom=classroom, student_id=student_id
    )
    form = ExtraTimeForm(request.POST)
    if form.is_valid():
        multiplier = form.cleaned_data["multiplier"]
        services.grant_extra_time(
            classroom=classroom, student=membership.student, multiplier=multiplier
        )
        messages.success(
            request,
            _("%(student)s now gets ×%(m)s time on every question, from their next attempt.")
            % {"student": membership.student.get_username(), "m": multiplier.normalize()},
        )
    else:
        messages.error(
            request,
            _("Extra time for %(student)s was not changed: use a multiplier from 1 to 3.")
            % {"student": membership.student.get_username()},
        )
    return redirect(classroom)


# --- reports ------------------------------------------------------------------------------


def _bound_filters(request: HttpRequest, form_class, *, require_data: bool = False):
    """The filter form and, when it is valid, the report's scope; 404 for foreign ids."""
    data = request.GET if (request.GET or not require_data) else None
    form = form_class(data, user=request.user)
    if data is None:
        return form, None
    if not form.is_valid():
        if form.foreign_ids():
            raise Http404(_("No such class or quiz among yours."))
        return form, None
    cleaned = form.cleaned_data
    scope = queries.Scope(
        user=request.user,
        classroom=cleaned.get("classroom"),
        quiz=cleaned.get("quiz"),
        start=cleaned.get("start"),
        end=cleaned.get("end"),
        only=cleaned.get("only") or "",
    )
    return form, scope


# (sort key, label, numeric) of the report's columns.
HEADERS = (
    ("student", gettext_lazy("Student"), False),
    ("class", gettext_lazy("Class"), False),
    ("quiz", gettext_lazy("Quiz"), False),
    ("started", gettext_lazy("Started"), False),
    ("finished", gettext_lazy("Finished"), False),
    ("score", gettext_lazy("Score / max"), True),
    ("percent", "%", True),
    ("correct", gettext_lazy("Correct"), True),
    ("wrong", gettext_lazy("Wrong"), True),
    ("skipped", gettext_lazy("Skipped"), True),
    ("timed_out", gettext_lazy("Timed out"), True),
    ("time", gettext_lazy("Time"), True),
)


def _headers(request: HttpRequest, sort: str, hidden: set[str]) -> list[dict]:
    """Column headers with the link that sorts by each (a second click reverses)."""
    key_now, descending = sort.removeprefix("-"), sort.startswith("-")
    headers = []
    for key, label, numeric in HEADERS:
        if key in hidden:
            continue
        header = {"key": key, "label": label, "numeric": numeric, "url": "", "aria_sort": ""}
        if key:
            params = request.GET.copy()
            params.pop("page", None)
            params["sort"] = f"-{key}" if key == key_now and not descending else key
            header["url"] = "?" + params.urlencode()
            if key == key_now:
                header["aria_sort"] = "descending" if descending else "ascending"
        headers.append(header)
    return headers


def _as_int(value: str) -> int | None:
    try:
        return int(value)
    except ValueError:
        return None


@require_GET
@teacher_required
def scores(request: HttpRequest) -> HttpResponse:
    """One row per student and attempt, with the class's statistics and a histogram."""
    form, scope = _bound_filters(request, ReportFilterForm)
    context: dict = {"form": form}
    if scope is not None:
        sort = form.cleaned_data["sort"]
        rows = queries.report_attempts(scope)
        summary = queries.summarise(rows)
        paginator = Paginator(queries.sorted_rows(rows, sort), PER_PAGE)
        raw_page = request.GET.get("page", "1")
        page = paginator.get_page(raw_page)
        if "page" in request.GET and _as_int(raw_page) != page.number:
            messages.warning(
                request,
                _("There is no page “%(asked)s”: showing page %(page)s of %(pages)s.")
                % {"asked": raw_page[:20], "page": page.number, "pages": paginator.num_pages},
            )
        params = request.GET.copy()
        params.pop("page", None)
        # A column that the filters fix to one value says nothing: leave it out.
        hidden = {"class"} if scope.classroom else set()
        if scope.quiz:
            hidden.add("quiz")
        context.update(
            {
                "scope": scope,
                "show_class": "class" not in hidden,
                "show_quiz": "quiz" not in hidden,
                "summary": summary,
                "chart": queries.histogram_chart(summary),
                "page": page,
                "headers": _headers(request, sort, hidden),
                # The filters and the sort, for the page links and the downloads.
                "query": params.urlencode(),
            }
        )
    return render(request, "reports/scores.html", context)


@require_GET
@teacher_required
def items(request: HttpRequest) -> HttpResponse:
    """Per question: facility, discrimination, options chosen, time; per fact and topic."""
    form, scope = _bound_filters(request, ItemAnalysisFilterForm, require_data=True)
    context: dict = {"form": form}
    if scope is not None:
        context.update({"scope": scope, "analysis": queries.item_analysis(scope)})
    return render(request, "reports/items.html", context)


def _export_scope(request: HttpRequest):
    form, scope = _bound_filters(request, ReportFilterForm)
    if scope is None:
        messages.error(request, _("Fix the filters below before exporting."))
    return form, scope


@require_GET
@teacher_required
def export_csv(request: HttpRequest) -> HttpResponse:
    """The score report as CSV, streamed row by row."""
    form, scope = _export_scope(request)
    if scope is None:
        return redirect(reverse("reports:scores") + "?" + request.GET.urlencode())
    rows = queries.sorted_rows(queries.report_attempts(scope), form.cleaned_data["sort"])
    response = StreamingHttpResponse(
        exports.csv_stream(exports.export_rows(rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(
        True, _export_filename(scope, "csv")
    )
    return response


@require_GET
@teacher_required
def export_xlsx(request: HttpRequest) -> HttpResponse:
    """The score report and the item analysis as an Excel workbook."""
    form, scope = _export_scope(request)
    if scope is None:
        return redirect(reverse("reports:scores") + "?" + request.GET.urlencode())
    rows = queries.sorted_rows(queries.report_attempts(scope), form.cleaned_data["sort"])
    # The workbook is assembled in a temporary file, never in memory; FileResponse
    # streams it out in blocks and closes (so deletes) it.
    target = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
    exports.write_xlsx(target, exports.export_rows(rows), _analyses(scope, rows))
    target.seek(0)
    return FileResponse(
        target, as_attachment=True, filename=_export_filename(scope, "xlsx"), content_type=XLSX
    )


def _analyses(scope: queries.Scope, rows):
    """Item analysis for the chosen quiz, or for every quiz in the report."""
    if scope.quiz is not None:
        quizzes = [scope.quiz]
    else:
        quiz_ids = rows.order_by().values("quiz_id").distinct()
        quizzes = queries.teacher_quizzes(scope.user).filter(pk__in=quiz_ids)
    for quiz in quizzes:
        analysis_scope = queries.Scope(
            user=scope.user,
            classroom=scope.classroom,
            quiz=quiz,
            start=scope.start,
            end=scope.end,
        )
        yield quiz.title, queries.item_analysis(analysis_scope)


def _export_filename(scope: queries.Scope, extension: str) -> str:
    return exports.filename(
        classroom=scope.classroom,
        quiz=scope.quiz,
        start=scope.start,
        end=scope.end,
        extension=extension,
    )


# --- classes (aspirants) ------------------------------------------------------------------


@require_GET
@login_required
def my_classes(request: HttpRequest) -> HttpResponse:
    """The classes the aspirant belongs to, their assigned quizzes, and a form to join one."""
    memberships = (
        Membership.objects.filter(student=request.user)
        .select_related("classroom__teacher")
        .prefetch_related(
            Prefetch(
                "classroom__assignments",
                queryset=Assignment.objects.select_related("quiz").filter(quiz__is_published=True),
            )
        )
        .order_by("classroom__name")
    )
    return render(
        request, "reports/my_classes.html", {"memberships": memberships, "form": JoinForm()}
    )


@require_POST
@login_required
def join(request: HttpRequest) -> HttpResponse:
    """Join a class with the code the teacher gave."""
    form = JoinForm(request.POST)
    if form.is_valid():
        try:
            membership, created = services.join_class(
                student=request.user, code=form.cleaned_data["code"]
            )
        except services.JoinRefused as refusal:
            form.add_error("code", str(refusal))
        else:
            name = membership.classroom.name
            if created:
                messages.success(request, _("You joined %(name)s.") % {"name": name})
            else:
                messages.info(request, _("You are already in %(name)s.") % {"name": name})
            return redirect("classes:mine")
    memberships = Membership.objects.filter(student=request.user).select_related(
        "classroom__teacher"
    )
    return render(
        request,
        "reports/my_classes.html",
        {"memberships": memberships, "form": form},
        status=400,
    )


@require_POST
@login_required
def leave(request: HttpRequest, classroom_id: int) -> HttpResponse:
    """Leave a class: its teacher no longer sees your attempts."""
    membership = get_object_or_404(
        Membership.objects.select_related("classroom"),
        student=request.user,
        classroom_id=classroom_id,
    )
    services.leave_class(student=request.user, classroom=membership.classroom)
    messages.success(request, _("You left %(name)s.") % {"name": membership.classroom.name})
    return redirect("classes:mine")
