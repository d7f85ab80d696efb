// Journeys of issue 16: rejecting a work request, the administrator's first-start checklist, the phone
// card's notes and photos, a user's groups on his page, the supervisor's empty backlog.
export const journeysMessagesEN = {
  workRequestRejected: 'Work request rejected. Whoever reported it will see the reason on the request.',
  workRequestRejectRefused: 'The work request was not rejected: check the marked field.',
  workRequestRejectReasonRequired: 'Write why it is rejected: whoever reported the request will read it.',
  workRequestRejectReasonTooLong: 'The reason takes at most {{max}} characters: shorten it.',
  workRequestNotRejectable: 'Only an open or in-review request can be rejected; this one has been dealt with.',
  rejectIntro: 'The request will be rejected and will not become a work order.',
  rejectReason: 'Reason for rejecting',
  rejectSubmit: 'Reject request',
  boardNoBacklog: 'Nothing pending: no open orders in your area.',
};
