/** The shapes of the contact flow shared by server modules, routes and components. */

export type ContactRequestStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';
export type ContactKind = 'email' | 'telegram' | 'signal' | 'phone';

/** A request in the member's inbox. Never the organizer's e-mail. */
export type ReceivedRequest = {
  id: string;
  organizerName: string | null;
  organization: string | null;
  message: string;
  status: ContactRequestStatus;
  createdAt: string;
  answeredAt: string | null;
  blocked: boolean;
};

/** A request the organizer sent. */
export type SentRequest = {
  id: string;
  memberId: string;
  memberName: string | null;
  status: ContactRequestStatus;
  createdAt: string;
  answeredAt: string | null;
};

/** What an accepted request opens: the member's channels and whether a CV can be downloaded. */
export type Revealed = {
  channels: { kind: ContactKind; value: string }[];
  cv: boolean;
};
