"""A class of ten with known answers, so every report number can be checked by hand.

Quiz "India–Japan": five questions, 1 mark each, no negative marking, 19 s each.
"C" correct, "S" skipped, "T" timed out, a year is the wrong option chosen.

          Q1    Q2    Q3    Q4    Q5      score  %
    s0    C     C     C     C     2017    4      80
    s1    C     C     2008  C     C       4      80
    s2    C     C     C     C     2017    4      80
    s3    C     C     2014  S     C       3      60
    s4    C     2008  C     T     C       3      60
    s5    C     2014  2008  S     C       2      40
    s6    C     S     2008  T     C       2      40
    s7    2008  2008  2014  S     C       1      20
    s8    2014  2014  2008  T     C       1      20
    s9    2014  S     2017  T     2008    0       0
    s9 retakes the next day and gets everything right (100%).

Student sN answers each question N+1 seconds after it is served (a timeout takes 19 s).
Upper 27% of 10 = 3: s0, s1, s2; lower 3: s7, s8, s9.

    facility        Q1 .7   Q2 .4   Q3 .3   Q4 .3   Q5 .7
    discrimination  Q1 1    Q2 1    Q3 2/3  Q4 1    Q5 (1-2)/3 = -1/3 (flagged)
    median time     Q1 5.5 s          Q4 (6 + 8) / 2 = 7 s
    first attempts: mean 48, median 50; every attempt: mean 580/11, median 60.

Q1-Q2 are Economy and cite "CEPA 2011": 11 of 20 right (55%).
Q3-Q5 are Space and cite "LUPEX": 13 of 30 right (43%), so they come first, weakest.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from tests.factories import (
    FactFactory,
    QuestionFactory,
    QuizFactory,
    TopicFactory,
    UserFactory,
)
from tests.reports.factories import (
    AssignmentFactory,
    ClassroomFactory,
    MembershipFactory,
    TeacherFactory,
    take,
)

LUPEX_QUOTE = (
    "The Lunar Polar Exploration Mission (LUPEX) is a joint project between ISRO and JAXA."
)
T0 = datetime(2026, 5, 4, 4, 30, tzinfo=UTC)  # 10:00 in Asia/Kolkata
MATRIX = [
    "C C C C 2017",
    "C C 2008 C C",
    "C C C C 2017",
    "C C 2014 S C",
    "C 2008 C T C",
    "C 2014 2008 S C",
    "C S 2008 T C",
    "2008 2008 2014 S C",
    "2014 2014 2008 T C",
    "2014 S 2017 T 2008",
]


@pytest.fixture
def teacher(db):
    return TeacherFactory(username="ms_rao", email="rao@example.com")


@pytest.fixture
def cohort(teacher):
    classroom = ClassroomFactory(name="Prelims A", teacher=teacher)
    economy = TopicFactory(name="Economy", slug="economy")
    space = TopicFactory(name="Space", slug="space")
    cepa = FactFactory(label="CEPA 2011")
    lupex = FactFactory(label="LUPEX", statement="LUPEX is joint.", quote=LUPEX_QUOTE)
    questions = [QuestionFactory(topic=economy, facts=[cepa]) for _ in range(2)] + [
        QuestionFactory(topic=space, facts=[lupex]) for _ in range(3)
    ]
    quiz = QuizFactory(
        title="India–Japan", slug="india-japan", questions=questions, feedback_mode="end"
    )
    AssignmentFactory(classroom=classroom, quiz=quiz)
    students = []
    for index, plan in enumerate(MATRIX):
        student = UserFactory(username=f"s{index}", email=f"s{index}@example.com")
        MembershipFactory(classroom=classroom, student=student)
        take(student, quiz, plan, start=T0 + timedelta(minutes=10 * index), delay=index + 1)
        students.append(student)
    retake = take(students[9], quiz, "C C C C C", start=T0 + timedelta(days=1))

    # Noise that no report of this class may count:
    other_class = ClassroomFactory(name="Other teacher's class")
    AssignmentFactory(classroom=other_class, quiz=quiz)
    outsider = UserFactory(username="outsider")
    MembershipFactory(classroom=other_class, student=outsider)
    take(outsider, quiz, "C C C C C", start=T0)
    private = QuizFactory(title="Taken privately", questions=2, feedback_mode="end")
    take(students[0], private, "C C", start=T0)  # not assigned to the class
    from quizapp.attempts import services

    services.start_attempt(user=students[1], quiz=quiz, now=T0 + timedelta(days=2))  # unfinished

    return SimpleNamespace(
        teacher=teacher,
        classroom=classroom,
        quiz=quiz,
        students=students,
        retake=retake,
        other_class=other_class,
        outsider=outsider,
        private=private,
    )
