"""The Agreements side view: each agreement's stage and share, its provisions, one provision.

Everything is as of the end of the date range. A provision's accounts are shown side by
side with who gives them; the atlas adds no verdict of its own.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from corridors.data.agreement_models import (
    Agreement,
    CommitmentState,
    LifecycleStage,
    Observation,
    Provision,
)
from corridors.data.agreement_status import (
    ProvisionStatus,
    deadline_passed,
    share_of,
    stage_on,
    status_on,
    statuses_on,
)
from corridors.data.catalog import Catalog
from corridors.data.containment import wholes_of
from corridors.data.models import Event
from corridors.i18n import Translator
from corridors.ui.common.safe import md_escape
from corridors.ui.common.styling import isolate
from corridors.ui.dashboard import session
from corridors.ui.dashboard.events_panel import render_row, source_links
from corridors.ui.dashboard.status_chart import status_chart
from corridors.ui.dashboard.timeline_chart import StageMark


def render_agreements(catalog: Catalog, day: dt.date, translate: Translator) -> None:
    """The list of agreements, or the agreement opened, or its provision opened."""
    provision_id = st.session_state[session.PROVISION]
    agreement_id = st.session_state[session.AGREEMENT]
    if provision_id:
        agreement, provision = catalog.provision(provision_id)
        render_provision(catalog, agreement, provision, day, translate)
    elif agreement_id:
        render_agreement(catalog, catalog.agreement(agreement_id), day, translate)
    else:
        _render_list(catalog, day, translate)


def _render_list(catalog: Catalog, day: dt.date, translate: Translator) -> None:
    st.subheader(translate("agreements.heading"))
    st.caption(md_escape(translate("agreements.intro", date=translate.date(day))))
    if not catalog.agreements:
        st.info(translate("agreements.none"))
    with st.container(key="agreement-rows"):
        for agreement in catalog.agreements:
            with st.container(border=True, key=f"agreement-{agreement.id}"):
                st.markdown(f"**{md_escape(translate.text(agreement.short_title))}**")
                st.caption(md_escape(stage_line(catalog, agreement, day, translate)))
                st.caption(md_escape(share_line(agreement, day, translate)))
                st.button(
                    translate("agreements.open"),
                    key=f"open-agreement-{agreement.id}",
                    on_click=session.select_agreement,
                    args=(agreement.id,),
                    icon=":material/gavel:",
                )


def render_agreement(
    catalog: Catalog, agreement: Agreement, day: dt.date, translate: Translator
) -> None:
    """One agreement: title, parties, text, lifecycle, relations, its provisions as of ``day``."""
    with st.container(border=True, key="agreement-panel"):
        st.markdown(f"#### {md_escape(translate.text(agreement.short_title))}")
        st.caption(md_escape(translate.text(agreement.title)))
        st.caption(md_escape(stage_line(catalog, agreement, day, translate)))
        st.caption(md_escape(share_line(agreement, day, translate)))
        _render_parties(catalog, agreement, translate)
        _render_text_sources(agreement, translate)
        _render_lifecycle(catalog, agreement, translate)
        for relation in agreement.relations:
            target = _agreement_or_provision_name(catalog, relation.target, translate)
            word = translate(f"agreements.relations.{relation.kind}")
            sources = source_links(relation.sources, translate)
            st.caption(f"{md_escape(word)}: {md_escape(target)} · {sources}")
        st.info(translate("agreements.map_mode", date=translate.date(day)), icon=":material/map:")
        st.button(
            translate("agreements.all"),
            key="close-agreement",
            on_click=session.select_agreement,
            args=(None,),
            icon=":material/arrow_back:",
        )
    st.subheader(translate("agreements.provisions"))
    with st.container(key="provision-rows"):
        for status in statuses_on(agreement, day):
            _render_provision_card(
                catalog, agreement, status, day, translate, key_prefix="open-provision"
            )


def render_provision(
    catalog: Catalog,
    agreement: Agreement,
    provision: Provision,
    day: dt.date,
    translate: Translator,
) -> None:
    """One provision: its text with source, status history, evidence, features on the map."""
    provision_id = agreement.provision_id(provision)
    with st.container(border=True, key="provision-panel"):
        st.caption(md_escape(translate.text(agreement.short_title)))
        st.markdown(f"#### {md_escape(f'{provision.number}. {translate.text(provision.label)}')}")
        status = status_on(provision, day)
        st.caption(md_escape(provision_summary(catalog, status, day, translate)))
        with st.container(key="provision-text"):
            st.markdown(f"> {md_escape(translate.text(provision.text))}")
        if translate.lang in provision.translated or translate.lang not in provision.text:
            st.caption(md_escape(translate("agreements.translated")))
        sources = source_links(provision.sources, translate)
        st.caption(f"{md_escape(translate('agreements.text'))}: {sources}")
        _render_features(catalog, provision, translate)
        st.button(
            translate("agreements.back", agreement=translate.text(agreement.short_title)),
            key="close-provision",
            on_click=session.select_agreement,
            args=(agreement.id,),
            icon=":material/arrow_back:",
        )
    st.subheader(translate("agreements.history"))
    with st.container(key="provision-history"):
        if not provision.observations:
            st.info(translate("agreements.no_history"))
        else:
            chart = status_chart(
                provision.observations,
                translate,
                claimant=lambda o: claim_name(catalog, o, translate),
                status=lambda o: status_word(o, translate),
            )
            st.altair_chart(chart, width="stretch", key="provision-status-chart")
        for observation in sorted(provision.observations, key=lambda o: o.as_of, reverse=True):
            _render_observation(catalog, observation, translate)
    evidence = evidence_of(catalog, provision_id, provision)
    if evidence:
        st.subheader(translate("agreements.evidence"))
        with st.container(key="provision-evidence"):
            for event in evidence:
                render_row(event, translate, key_prefix="evidence")


def render_feature_provisions(
    catalog: Catalog, feature_id: str, day: dt.date, translate: Translator
) -> None:
    """The provisions that concern a feature (or the region it lies in), with their status."""
    concerned = {feature_id, *wholes_of(catalog, feature_id)}
    found = [
        (agreement, provision)
        for agreement in catalog.agreements
        for provision in agreement.provisions
        if concerned & set(provision.features) and stage_on(agreement, day) is not None
    ]
    if not found:
        return
    st.subheader(translate("agreements.feature_provisions"))
    with st.container(key="feature-provisions"):
        for agreement, provision in found:
            status = status_on(provision, day)
            _render_provision_card(
                catalog, agreement, status, day, translate, key_prefix="feature-provision"
            )


def stage_marks(
    catalog: Catalog, agreement: Agreement, translate: Translator
) -> tuple[StageMark, ...]:
    """The agreement's lifecycle stages as the timeline marks them."""
    return tuple(
        StageMark(stage.date, stage_word(catalog, stage, translate))
        for stage in agreement.lifecycle
    )


def stage_line(catalog: Catalog, agreement: Agreement, day: dt.date, translate: Translator) -> str:
    """The agreement's stage on ``day`` ("Initialled on 8 August 2025"), or not yet."""
    stage = stage_on(agreement, day)
    if stage is None:
        return translate("agreements.not_yet", date=translate.date(day))
    return translate(
        "agreements.stage",
        stage=stage_word(catalog, stage, translate),
        date=translate.date(stage.date, stage.precision),
    )


def stage_word(catalog: Catalog, stage: LifecycleStage, translate: Translator) -> str:
    """A stage's name ("Ratified by Armenia")."""
    party = party_name(catalog, stage.party, translate) if stage.party else ""
    return translate(f"agreements.stages.{stage.stage}", party=party)


def share_line(agreement: Agreement, day: dt.date, translate: Translator) -> str:
    """PAM's implementation share on ``day``, a range where accounts differ."""
    share = share_of(statuses_on(agreement, day))
    total = len(agreement.provisions)
    if share is None:
        return translate("agreements.none_scored", date=translate.date(day), total=total)
    if share.is_range:
        return translate(
            "agreements.share_range",
            low=translate.percent(share.low),
            high=translate.percent(share.high),
            scored=share.scored,
            total=total,
        )
    return translate(
        "agreements.share", share=translate.percent(share.low), scored=share.scored, total=total
    )


def provision_summary(
    catalog: Catalog, status: ProvisionStatus, day: dt.date, translate: Translator
) -> str:
    """Type, status as of ``day`` (each account where they differ), deadline."""
    provision = status.provision
    parts = [translate(f"agreements.type.{provision.type}")]
    if not status.scored:
        parts.append(translate("agreements.unscored"))
    elif status.disputed:
        accounts = (claimed_status(catalog, account, translate) for account in status.accounts)
        parts.append(f"⚠ {translate('agreements.disputed')}: " + " / ".join(accounts))
    else:
        parts.append(status_word(status.accounts[-1], translate))
    if provision.deadline is not None:
        passed = deadline_passed(provision, day)
        key = "agreements.deadline_passed" if passed else "agreements.deadline"
        parts.append(translate(key, date=translate.date(provision.deadline)))
    return " · ".join(parts)


def status_word(observation: Observation, translate: Translator) -> str:
    """An observation's status in words ("2 intermediate", "observed (holds)")."""
    if isinstance(observation.status, CommitmentState):
        return translate(f"agreements.state.{observation.status}")
    return translate(f"agreements.level.{int(observation.status)}")


def claim_name(catalog: Catalog, observation: Observation, translate: Translator) -> str:
    """Who makes a claim, in words ("Armenia, a party"; "the reporting")."""
    claim = observation.claim
    party = party_name(catalog, claim.party, translate) if claim.party else ""
    return translate(f"agreements.claim.{claim.role}", party=party)


def claimed_status(catalog: Catalog, observation: Observation, translate: Translator) -> str:
    """An observation's status and whose claim it is ("1 minimal (according to Armenia …)")."""
    who = claim_name(catalog, observation, translate)
    return f"{status_word(observation, translate)} ({translate('agreements.said_by', who=who)})"


def party_name(catalog: Catalog, party_id: str | None, translate: Translator) -> str:
    """A party's name in the reader's language (its id when unknown)."""
    found = next((p for p in catalog.parties if p.id == party_id), None)
    return translate.text(found.names) if found is not None else str(party_id)


def evidence_of(catalog: Catalog, provision_id: str, provision: Provision) -> list[Event]:
    """The events that are a provision's evidence: linked to it, or named by its observations."""
    named = {event for observation in provision.observations for event in observation.events}
    return [
        event for event in catalog.events if provision_id in event.provisions or event.id in named
    ]


def _render_provision_card(
    catalog: Catalog,
    agreement: Agreement,
    status: ProvisionStatus,
    day: dt.date,
    translate: Translator,
    *,
    key_prefix: str,
) -> None:
    """A provision in a list: its number and label, status on ``day``, a button to open it.

    Listed under a feature (``key_prefix="feature-provision"``), it names its agreement too.
    """
    provision = status.provision
    provision_id = agreement.provision_id(provision)
    with st.container(border=True, key=f"{key_prefix}-card-{_key(provision_id)}"):
        if key_prefix == "feature-provision":
            st.caption(md_escape(translate.text(agreement.short_title)))
        label = f"{provision.number}. {translate.text(provision.label)}"
        st.markdown(f"**{md_escape(label)}**")
        st.caption(md_escape(provision_summary(catalog, status, day, translate)))
        st.button(
            translate("agreements.open"),
            key=f"{key_prefix}-{_key(provision_id)}",
            on_click=session.select_provision,
            args=(provision_id,),
            icon=":material/gavel:",
        )


def _render_parties(catalog: Catalog, agreement: Agreement, translate: Translator) -> None:
    names = translate.join_list(
        isolate(party_name(catalog, party, translate)) for party in agreement.parties
    )
    line = f"{md_escape(translate('agreements.parties'))}: {md_escape(names)}"
    if agreement.witnesses:
        witnesses = translate.join_list(
            isolate(party_name(catalog, party, translate)) for party in agreement.witnesses
        )
        line += f" · {md_escape(translate('agreements.witnesses'))}: {md_escape(witnesses)}"
    if agreement.pax_id is not None:
        line += f" · {md_escape(translate('agreements.pax', id=str(agreement.pax_id)))}"
    st.caption(line)


def _render_text_sources(agreement: Agreement, translate: Translator) -> None:
    sources = source_links(agreement.text_sources, translate)
    line = f"{md_escape(translate('agreements.text_sources'))}: {sources}"
    if agreement.text_reproduced:
        line += f" ({md_escape(translate('agreements.reproduced'))})"
    st.caption(line)


def _render_lifecycle(catalog: Catalog, agreement: Agreement, translate: Translator) -> None:
    st.caption(md_escape(translate("agreements.lifecycle")))
    with st.container(key="agreement-lifecycle"):
        for stage in agreement.lifecycle:
            when = translate.date(stage.date, stage.precision)
            word = stage_word(catalog, stage, translate)
            note = f" · {md_escape(translate.text(stage.note))}" if stage.note else ""
            sources = source_links(stage.sources, translate)
            st.caption(f"{md_escape(when)}: **{md_escape(word)}**{note} · {sources}")


def _render_features(catalog: Catalog, provision: Provision, translate: Translator) -> None:
    if provision.no_place is not None:
        reason = translate.text(provision.no_place)
        st.caption(md_escape(translate("agreements.no_place", reason=reason)))
        return
    st.caption(md_escape(translate("agreements.features")))
    with st.container(horizontal=True, key="provision-features"):
        for feature_id in provision.features:
            st.button(
                translate.text(catalog.feature(feature_id).names),
                key=f"provision-feature-{feature_id}",
                on_click=session.select_feature,
                args=(feature_id,),
                icon=":material/place:",
            )


def _render_observation(catalog: Catalog, observation: Observation, translate: Translator) -> None:
    with st.container(border=True):
        when = translate.date(observation.as_of, observation.precision)
        claimed = claimed_status(catalog, observation, translate)
        st.markdown(f"**{md_escape(when)}** · {md_escape(claimed)}")
        if observation.note is not None:
            st.caption(md_escape(translate.text(observation.note)))
        if observation.superseded_by:
            target = _agreement_or_provision_name(catalog, observation.superseded_by, translate)
            st.caption(md_escape(translate("agreements.superseded_by", provision=target)))
        sources = source_links(observation.sources, translate)
        st.caption(f"{md_escape(translate('events.sources'))}: {sources}")


def _agreement_or_provision_name(catalog: Catalog, target: str, translate: Translator) -> str:
    """``target`` (an agreement or provision id) in words, or the id when unknown."""
    try:
        if "/" in target:
            agreement, provision = catalog.provision(target)
            return (
                f"{translate.text(agreement.short_title)}, {provision.number}. "
                f"{translate.text(provision.label)}"
            )
        return translate.text(catalog.agreement(target).short_title)
    except KeyError:
        return target


def _key(provision_id: str) -> str:
    """A provision id as a widget key part (no slash, no dot)."""
    return provision_id.replace("/", "--").replace(".", "-")
