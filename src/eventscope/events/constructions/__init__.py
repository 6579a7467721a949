"""The registry of constructions: wordings that make an event out of more than a trigger
word (a speaker calling a deed a crime, "X declined to meet Y", "Y must ...").

A construction is a function `(events, token, quote_speaker) -> Found | None`, called on
every token of a sentence before its trigger word is looked up. The order of the registry
is the order in which their events are listed for a token.

Some constructions rewrite what was found rather than find events of their own, each
called at its stage:
- REWRITES, in their order, on every candidate in `SentenceEvents.find` (a harmful act on
  a condition is a THREATEN, whom a protest is lodged with, who made the call or offer
  rejected, "X's arrest by Y" is done to X, an acceptance is made to who offered it...;
  each function's docstring says what it rewrites);
- then, in the finder, on every event of the sentence: `mediation.mediated_parties` (whom
  mediators mediate between), `clash.clash_partner` (who inflicted losses told in a clash)
  and `pair_compound.compound_parties` ("US-China talks");
- `voice.voice` (whose event a reported one is) and `doerless_violence` (violence with no
  named doer, victims in a place) when the document reader turns found events into records.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.acceptance import accepted_author
from eventscope.events.constructions.accusation import (
    accusation,
    addressee,
    evaluation,
    failed_duty,
    opposed_doing,
    protest_owner,
    referred_act_doer,
)
from eventscope.events.constructions.allegation import (
    alleged_act,
    alleged_in_claim,
    alleged_target,
    attributed_act,
    mandate,
    unfree_vote,
)
from eventscope.events.constructions.armed_backing import armed_backing
from eventscope.events.constructions.armed_conflict import armed_conflict
from eventscope.events.constructions.blamed_attack import blamed_attack, blamed_doer
from eventscope.events.constructions.clash import crowd_clash
from eventscope.events.constructions.commitment import commitment
from eventscope.events.constructions.damaged_ties import damaged_ties
from eventscope.events.constructions.demanded_change import asked_party, ousted_party, wanted_act
from eventscope.events.constructions.denial import denial
from eventscope.events.constructions.directive import directive, handed_demand
from eventscope.events.constructions.doerless_violence import died_of_violence
from eventscope.events.constructions.faced_accusation import faced_accusation
from eventscope.events.constructions.faced_charges import faced_charges, under_investigation
from eventscope.events.constructions.halted_fighting import halted_fighting
from eventscope.events.constructions.issued_text import misread_reduced_relative
from eventscope.events.constructions.mediation import convening, mediation
from eventscope.events.constructions.obligation import called_for, obligation, time_to_act
from eventscope.events.constructions.participants import joint_appearance, participants, taking_part
from eventscope.events.constructions.possessed_patient import possessed_patient
from eventscope.events.constructions.praise import acclaim, praise, praised_act, praised_role
from eventscope.events.constructions.protest import protested_party, protesting_crowd
from eventscope.events.constructions.protesters_call import protesters_call
from eventscope.events.constructions.recalled_envoy import recalled_envoy
from eventscope.events.constructions.refusal import pressured_refusal, refusal, rejected_author
from eventscope.events.constructions.riposte import riposte_target
from eventscope.events.constructions.ruled_out import ruled_out
from eventscope.events.constructions.threat import (
    as_preparation,
    as_threat,
    retaliation,
    threatened_by,
    warning,
)
from eventscope.events.constructions.transfer import captors, carried_aid, transfer, vehicle_owner
from eventscope.events.constructions.unsaid_doer import counted_detainees
from eventscope.events.constructions.visit_partners import visit_partners
from eventscope.events.found import Found
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

Construction = Callable[["SentenceEvents", Token, Actor | None], Found | None]
Rewrite = Callable[["SentenceEvents", Found], None]

CONSTRUCTIONS: dict[str, Construction] = {
    "accusation": accusation,
    "praise": praise,
    "acclaim": acclaim,
    "praised_role": praised_role,
    "praised_act": praised_act,
    "evaluation": evaluation,
    "failed_duty": failed_duty,
    "opposed_doing": opposed_doing,
    "damaged_ties": damaged_ties,
    "faced_accusation": faced_accusation,
    "faced_charges": faced_charges,
    "under_investigation": under_investigation,
    "obligation": obligation,
    "time_to_act": time_to_act,
    "called_for": called_for,
    "alleged_act": alleged_act,
    "alleged_in_claim": alleged_in_claim,
    "attributed_act": attributed_act,
    "unfree_vote": unfree_vote,
    "mandate": mandate,
    "wanted_act": wanted_act,
    "directive": directive,
    "denial": denial,
    "commitment": commitment,
    "refusal": refusal,
    "transfer": transfer,
    "recalled_envoy": recalled_envoy,
    "carried_aid": carried_aid,
    "retaliation": retaliation,
    "warning": warning,
    "threatened_by": threatened_by,
    "died_of_violence": died_of_violence,
    "crowd_clash": crowd_clash,
    "armed_conflict": armed_conflict,
    "blamed_attack": blamed_attack,
    "participants": participants,
    "taking_part": taking_part,
    "joint_appearance": joint_appearance,
    "mediation": mediation,
    "convening": convening,
    "protesting_crowd": protesting_crowd,
    "halted_fighting": halted_fighting,
    "ruled_out": ruled_out,
}

# Rewrites of every candidate, in order, after its modality (SentenceEvents.find).
REWRITES: dict[str, Rewrite] = {
    "threat": as_threat,
    "preparation": as_preparation,
    "addressee": addressee,
    "protest_owner": protest_owner,
    "referred_act_doer": referred_act_doer,
    "alleged_target": alleged_target,
    "rejected_author": rejected_author,
    "pressured_refusal": pressured_refusal,
    "ousted_party": ousted_party,
    "asked_party": asked_party,
    "protested_party": protested_party,
    "protesters_call": protesters_call,
    "misread_reduced_relative": misread_reduced_relative,
    "possessed_patient": possessed_patient,
    "blamed_doer": blamed_doer,
    "riposte_target": riposte_target,
    "captors": captors,
    "vehicle_owner": vehicle_owner,
    "counted_detainees": counted_detainees,
    "armed_backing": armed_backing,
    "visit_partners": visit_partners,
    "accepted_author": accepted_author,
    "handed_demand": handed_demand,
}

__all__ = ["CONSTRUCTIONS", "REWRITES", "Construction", "Rewrite", "as_threat"]
