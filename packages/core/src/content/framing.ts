import type { Lens, Phase, Quadrant } from '../constants.js';

/** The two questions the workshop is built on. */
export const QUESTIONS = {
  manage: { who: 'The manager asks', question: 'How can we do this efficiently?' },
  lead: { who: 'The leader asks', question: 'Why are we doing this, and where should we be going?' },
} as const;

/** The source's picture of the two, told in our own words: what each one is for. */
export const ENGINE_AND_COMPASS = {
  title: 'The engine and the compass',
  engine: {
    name: 'Management is the engine',
    text: 'It keeps the train running: on time, on budget, carriage after carriage, every single day.',
  },
  compass: {
    name: 'Leadership is the compass',
    text: 'It says where the train should be heading, and when it is time to lay new track.',
  },
  moral: 'An engine without a compass makes excellent time in the wrong direction. A compass without an engine points the way and stays in the station.',
} as const;

export interface LensCard {
  id: Lens;
  title: string;
  manage: string;
  lead: string;
  prompt: string;
}

/** The four distinctions, told in our own words. */
export const LENS_CARDS: readonly LensCard[] = [
  {
    id: 'influence',
    title: 'Authority vs Influence',
    manage: 'People act because the role says so: the weight comes from the position.',
    lead: 'People follow because they trust you and believe in where you are heading.',
    prompt: 'Would this still work if nobody had to listen to you?',
  },
  {
    id: 'empowerment',
    title: 'Control vs Empowerment',
    manage: 'Hand out the tasks, watch the progress, step in when the numbers slip.',
    lead: 'Grow what people can do and trust them to find their own way there.',
    prompt: 'Who should decide how this gets done?',
  },
  {
    id: 'risk',
    title: 'Risk aversion vs Risk intelligence',
    manage: 'Keep things stable and predictable; fewer surprises, fewer failures.',
    lead: 'Take the calculated bet, and treat a failure as a step towards something better.',
    prompt: 'What does playing it safe cost here?',
  },
  {
    id: 'transformation',
    title: 'Transactional vs Transformational',
    manage: 'A clear exchange: do this piece of work, receive this reward.',
    lead: 'Change how people see the work, what they think is possible, and who they become.',
    prompt: 'Does this need people to do something, or to see something differently?',
  },
];

export const LENS_TITLES: Record<Lens, string> = Object.fromEntries(
  LENS_CARDS.map((card) => [card.id, card.title]),
) as Record<Lens, string>;

export const AXES = {
  x: { label: 'Management need', detail: 'planning, organising, controlling, delivering reliably' },
  y: { label: 'Leadership need', detail: 'direction, influence, empowering people, changing course' },
} as const;

export const QUADRANT_INFO: Record<Quadrant, { title: string; detail: string }> = {
  routine: { title: 'Routine', detail: 'Runs on its own; keep it light.' },
  manage: { title: 'Manage', detail: 'Needs a plan, structure and follow-through.' },
  lead: { title: 'Lead', detail: 'Needs a direction, trust and a reason why.' },
  both: { title: 'Both', detail: 'Needs a clear why and a reliable how.' },
};

export const BALANCE_CHECK = {
  question: 'Where does your time actually go?',
  low: 'In the weeds of management',
  high: 'Only in the vision',
  middle: 'Both, on purpose',
  commitmentPrompt: 'One thing I will do differently next week',
} as const;

export const CONCLUSION = {
  question: 'So: manager or leader?',
  answer: 'Yes.',
  summary:
    'Management without leadership runs efficiently towards nowhere in particular. Leadership without management inspires plans that never land. The work needs both, and so do you: zoom out to set the course, zoom in to make it happen.',
} as const;

export interface PhaseGuide {
  title: string;
  /** What participants see, in one line. */
  participant: string;
  /** What the facilitator might say and do. */
  hint: string;
  /** What happens next: the same words on the stage and on the phones. */
  next: string;
  minutes: number;
}

export const PHASE_GUIDE: Record<Phase, PhaseGuide> = {
  lobby: {
    title: 'Lobby',
    participant: 'Join with the room code and pick a team.',
    hint: 'Show the code and QR on the stage. Balance the teams once most people are in.',
    next: 'The workshop starts when the facilitator moves on.',
    minutes: 5,
  },
  framing: {
    title: 'Framing',
    participant: 'Two questions and four lenses to look through.',
    hint: 'Read the two questions aloud. Walk through one lens card with an example from your own world.',
    next: 'Next, each team writes real situations from its own work.',
    minutes: 5,
  },
  scenarios: {
    title: 'Scenarios',
    participant: 'Write real situations from your own work.',
    hint: 'Ask each team for three to five real situations, one sentence each. Add deck cards if a team is stuck.',
    next: 'Next, each team puts its cards on the board.',
    minutes: 8,
  },
  place: {
    title: 'Place',
    participant: 'Put your team’s cards on the board.',
    hint: 'Teams agree where each card goes: how much management, how much leadership does it need?',
    next: 'Next, everyone votes alone, in private: the board is hidden while you vote.',
    minutes: 8,
  },
  vote: {
    title: 'Vote',
    participant: 'Place your own dot for every card, and star the ones to discuss.',
    hint: 'Votes stay hidden until you reveal them. Reveal when most of the room is done.',
    next: 'Your dots stay hidden — from everyone, the facilitator too — until the facilitator reveals them all at once.',
    minutes: 6,
  },
  discuss: {
    title: 'Discuss',
    participant: 'Talk through the contested cards: comment and tag the lens at play.',
    hint: 'Start at the top of the queue. Spotlight a card, run the timer, record the takeaway.',
    next: 'Next, what the room built: the cards in Both, and your own balance check.',
    minutes: 15,
  },
  conclude: {
    title: 'Conclude',
    participant: 'Check your own balance and write one commitment.',
    hint: 'Show how many cards landed in Both. Ask: manager or leader? The answer is “Yes.”',
    next: 'Your summary is ready on your phone; the facilitator closes the workshop.',
    minutes: 5,
  },
  ended: {
    title: 'Ended',
    participant: 'Thanks for taking part.',
    hint: 'Export the board and the report. Data is deleted when the retention period ends.',
    next: 'The board is read-only now; its data is deleted when the retention period ends.',
    minutes: 0,
  },
};
