// The plant's words for its models, their fields and their closed values (en): the labels the back
// office shows (admin/locales), the headers of import templates and exports. Kept with the domain so
// that imports and exports read them without reaching up into the UI layer; the UI imports them.
export const resourceLabelsEN = {
  "Template": "Templates",
  // health (issue 25)
  "DowntimeEvent": "Downtime",
  "AssetHealth": "Assets at risk",
  "CategoryReliability": "Failure models by category",
  "PointTrend": "Reading trends",
  "budgets": "Budgets",
  "callCenter": "Call center",
  "Requisition": "Requisitions",
  "RequisitionItem": "Requisition items",
  "RequisitionApproval": "Approval steps",
  // goods receipts (issue 20)
  "GoodsReceipt": "Goods receipts",
  "ErpSyncRun": "ERP sync runs",
  "ErpSyncConflict": "ERP conflicts",
  "Budget": "Budgets",
  "BudgetLine": "Budget lines",
  "BudgetLineMonth": "Monthly amounts",
  "BudgetActual": "Actual costs",
  "BudgetSetting": "Budget settings",
  "BudgetSummary": "Budget summary",
  "Ticket": "Tickets",
  "TicketNote": "Ticket answers",
  "TicketSla": "Ticket SLAs",
  "SigSyncRun": "SIG reads",
  "WorkOrderShare": "Shared work orders",
  "Location": "Locations",
  "AssetCategory": "Categories",
  "Asset": "Assets",
  "ImportRun": "Import runs",
  "MeasurementPoint": "Measurement points",
  "Reading": "Readings",
  "MaintenanceType": "Maintenance types",
  "Frequency": "Frequencies",
  "Procedure": "Procedures",
  "ProcedureStep": "Procedure steps",
  "Routine": "Routines",
  "WorkCalendar": "Work calendars",
  "CalendarHoliday": "Holidays",
  "MaintenanceSchedule": "Maintenance schedules",
  "WorkRequest": "Work requests",
  "Technician": "Technicians",
  "WorkOrder": "Work orders",
  "WorkOrderStepValue": "Step values",
  "WorkOrderNote": "Work order notes",
  "FailureCode": "Failure codes",
  "WorkOrderClosure": "Work-order closures",
  "WorkOrderMaterial": "Materials used",
  "KpiSnapshot": "KPI snapshots",
  "services": "Services / KPI",
  "JobIntervention": "Job interventions",
  // transmittals (issue 24)
  "communications": "Communications",
  "Transmittal": "Transmittals",
  "TransmittalDocument": "Revisions sent",
  "TransmittalRecipient": "Recipients",
  "TransmittalAcknowledgement": "Acknowledgements of receipt",
  "ExternalContact": "External contacts",
  // safety (issue 23)
  "safety": "Safety",
  "PermitKind": "Permit kinds",
  "IsolationPoint": "Isolation points",
  "PermitRequirement": "Required permits",
  "WorkPermit": "Work permits",
  "PermitIsolation": "Permit isolations",
  "PermitGasTest": "Gas tests",
  "PermitSignature": "Permit signatures",
  // safety and audits (issue 23): incidents, hours worked, audits, findings, corrective actions
  "audits": "Audits",
  "SafetyIncident": "Incidents",
  "SafetyHoursWorked": "Hours worked",
  "AuditChecklist": "Audit checklists",
  "Audit": "Audits",
  "AuditFinding": "Findings",
  "AuditEvidence": "Finding evidence",
  "CorrectiveAction": "Corrective actions",
  // inventory
  "inventory": "Inventory",
  "Vendor": "Vendors",
  "Material": "Materials",
  "Warehouse": "Warehouses",
  "Bin": "Bins",
  "StockLevel": "Stock levels",
  "StockMovement": "Stock movements",
  "Reservation": "Material reservations",
  "RoutineMaterial": "Routine materials",
  // energy (issue 25)
  "energy": "Energy",
  "SiteProduction": "Site production",
  "IntegrationToken": "Integration tokens",
  // projects and service contracts (issue 24)
  "projects": "Projects",
  "Project": "Projects",
  "ProjectTask": "Project tasks",
  "ProjectTaskDependency": "Task dependencies",
  "ServiceContract": "Service contracts",
  "ServiceContractAsset": "Covered assets",
  "ServiceContractLocation": "Covered locations"
};

export const resourceTranslationsEN = {
  "Requisition": {"properties": {"project": "Project", "id": "No.", "title": "Title", "requestedBy": "Requested by", "workOrder": "Work order", "state": "State", "total": "Total", "approvedBy": "Approved by", "approvedAt": "Approved at", "erpSyncState": "ERP sync", "createdAt": "Created", "updatedAt": "Updated", "items": "Items", "number": "Number", "erpId": "ERP number", "erpStatus": "ERP status", "erpEtag": "ERP version", "erpSyncedAt": "Synced at", "erpLastAttemptAt": "Last attempt", "erpLastError": "Last sync error", "erpAttempts": "Sync attempts", "erpConflicts": "ERP conflicts", "budgetLine": "Budget line", "receivedAmount": "Received", "actuals": "Actual costs", "awaitingApprover": "Awaiting approval by", "approvalSteps": "Signed approval steps", "receiptState": "Receipt", "goodsReceipts": "Receipts"}, "labels": {"receiptState": {"NONE": "Not received", "PARTIAL": "Partially received", "RECEIVED": "Received"}, "state": {"DRAFT": "Draft", "SUBMITTED": "Submitted", "APPROVED": "Approved", "REJECTED": "Rejected"}, "erpSyncState": {"NOT_SENT": "Not sent", "PENDING": "Pending", "SENT": "Synced", "FAILED": "Failed"}, "erpStatus": {"Draft": "Draft", "InReview": "In review", "Rejected": "Rejected", "Approved": "Approved", "Cancelled": "Cancelled", "Closed": "Closed"}}},
  "Budget": {"properties": {"id": "No.", "code": "Code", "name": "Name", "year": "Year", "location": "Cost centre (location)", "department": "Cost centre (department)", "createdAt": "Created", "updatedAt": "Updated", "lines": "Lines", "figures": "Spending by month"}, "labels": {}},
  "BudgetLine": {"properties": {"id": "No.", "budget": "Budget", "account": "Account", "description": "Description", "months": "Monthly amounts", "budgetCode": "Budget code", "budgetName": "Budget name", "year": "Year", "location": "Cost centre (location)", "department": "Cost centre (department)", "month1": "January", "month2": "February", "month3": "March", "month4": "April", "month5": "May", "month6": "June", "month7": "July", "month8": "August", "month9": "September", "month10": "October", "month11": "November", "month12": "December"}, "labels": {"account": {"LABOUR": "Labour", "MATERIALS": "Materials", "SERVICES": "Services", "CAPITAL": "Capital", "OTHER": "Other"}}},
  "BudgetLineMonth": {"properties": {"id": "No.", "budgetLine": "Budget line", "month": "Month", "originalAmount": "Original amount", "currentAmount": "Current amount", "updatedAt": "Updated"}, "labels": {}},
  "BudgetActual": {"properties": {"id": "No.", "budgetLine": "Budget line", "month": "Month", "amount": "Amount", "source": "Source", "sourceId": "Source record", "workOrder": "Work order", "requisition": "Requisition", "postedAt": "Posted"}, "labels": {"source": {"WORK_ORDER_LABOUR": "Work-order labour", "WORK_ORDER_MATERIALS": "Work-order materials", "GOODS_RECEIPT": "Goods receipt", "OTHER": "Other"}}},
  "BudgetSummary": {"properties": {"budgetLine": "Budget line", "month": "Month", "originalAmount": "Original budget", "currentAmount": "Current budget", "committed": "Committed", "actual": "Actual"}, "labels": {}},
  "ErpSyncRun": {"properties": {"id": "No.", "startedAt": "Started", "finishedAt": "Finished", "outcome": "Outcome", "pushed": "Sent", "pulled": "Statuses read", "failed": "Failed", "conflicts": "Conflicts", "error": "Error"}, "labels": {"outcome": {"RUNNING": "Running", "SUCCEEDED": "Succeeded", "FAILED": "Failed", "ABANDONED": "Abandoned"}}},
  "ErpSyncConflict": {"properties": {"id": "No.", "requisition": "Requisition", "field": "Field", "localValue": "Local value (discarded)", "erpValue": "ERP value (kept)", "detectedAt": "Detected"}, "labels": {"field": {"title": "Title"}}},
  "RequisitionApproval": {"properties": {"id": "No.", "requisition": "Requisition", "approver": "Signed by", "decision": "Decision", "total": "Total", "availableBefore": "Available on the line", "overdraft": "Overdraft", "escalatedTo": "Escalated to", "signedAt": "Signed at", "sha256": "SHA-256 fingerprint", "ip": "IP address", "userAgent": "Browser"}, "labels": {"decision": {"ESCALATED": "Escalated to the next level", "APPROVED": "Approved", "REJECTED": "Rejected"}}},
  "BudgetSetting": {"properties": {"overdraftTolerancePercent": "Overdraft tolerance (% of the line's budget)", "updatedAt": "Updated"}},
  "RequisitionItem": {"properties": {"requisition": "Requisition", "description": "Description", "quantity": "Quantity", "unit": "Unit", "unitPrice": "Unit price", "material": "Material for stock", "warehouse": "Destination warehouse", "receipts": "Receipts"}},
  // goods receipts (issue 20)
  "GoodsReceipt": {"properties": {"id": "No.", "requisition": "Requisition", "requisitionItem": "Item", "quantity": "Quantity received", "amount": "Amount", "warehouse": "Warehouse", "stockMovement": "Stock movement", "deliveryNote": "Delivery note", "note": "Note", "receivedBy": "Received by", "receivedAt": "Received on"}},
  "Ticket": {"properties": {"number": "Number", "type": "Type", "description": "Description", "requester": "Requester", "state": "State", "source": "Source", "createdAt": "Created", "updatedAt": "Updated", "priority": "Priority", "callerAddress": "Address given", "reportedAt": "Reported", "sigRow": "SIG row", "asset": "Asset", "location": "Location", "workRequest": "Work request", "answeredAt": "Answered", "resolvedAt": "Resolved on", "notes": "Answers", "followUp": "Follow-up", "responseDue": "Answer by", "resolutionDue": "Resolve by", "slaState": "SLA"}, "labels": {"type": {"FAILURE": "Failure", "SERVICE": "Service", "COMPLAINT": "Complaint", "INFORMATION": "Information"}, "state": {"OPEN": "Open", "IN_PROGRESS": "In progress", "RESOLVED": "Resolved", "CLOSED": "Closed"}, "source": {"MANUAL": "Manual", "SIG": "SIG"}, "priority": {"LOW": "Low", "MEDIUM": "Medium", "HIGH": "High", "URGENT": "Urgent"}}},
  "TicketNote": {"properties": {"ticket": "Ticket", "body": "Answer", "author": "Answered by", "createdAt": "Date"}},
  "TicketSla": {"properties": {"type": "Ticket type", "responseHours": "Hours to answer", "resolutionHours": "Hours to resolve"}, "labels": {"type": {"FAILURE": "Failure", "SERVICE": "Service", "COMPLAINT": "Complaint", "INFORMATION": "Information"}}},
  "SigSyncRun": {"properties": {"id": "No.", "startedAt": "Started", "finishedAt": "Finished", "state": "State", "pagesRead": "Pages read", "found": "Found", "created": "New", "skipped": "Already recorded", "errorCode": "Error", "errorValues": "Error detail", "errorMessage": "Error"}, "labels": {"state": {"RUNNING": "Running", "SUCCEEDED": "Succeeded", "FAILED": "Failed"}}},
  "WorkOrderMaterial": {"properties": {"workOrder": "Work order", "description": "Description", "quantity": "Quantity", "unit": "Unit"}},
  "KpiSnapshot": {"properties": {"takenAt": "Computed", "scope": "Scope", "scopeId": "Scope (id)", "scopeName": "Scope name", "metric": "Indicator", "value": "Value"}, "labels": {"scope": {"PLANT": "Plant", "SITE": "Site", "CATEGORY": "Category"}, "metric": {"MTBF_HOURS": "MTBF (h)", "MTTR_HOURS": "MTTR (h)", "PM_COMPLIANCE_PCT": "PM compliance (%)", "BACKLOG": "Backlog", "OVERDUE": "Overdue orders"}}},
  "WorkOrderShare": { "properties": {"workOrder": "Work order", "technician": "Shared with", "createdAt": "Shared at"} },
  "Location": {
    "properties": {
      "code": "Code",
      "name": "Name",
      "parent": "Parent location",
      "fullName": "Full path",
      "depth": "Level",
      "isActive": "Active",
      "createdAt": "Created",
      "updatedAt": "Updated",
      "subtree": "Sub-locations",
      "assetsHere": "Assets"
    }
  },
  "AssetCategory": {
    "properties": {
      "code": "Code",
      "name": "Name",
      "description": "Description"
    }
  },
  "Asset": {
    "properties": {
      "code": "Internal code",
      "description": "Description",
      "location": "Location",
      "category": "Category",
      "responsibleUser": "Responsible",
      "status": "Status",
      "manufacturer": "Manufacturer",
      "model": "Model",
      "serialNumber": "Serial number",
      "installedOn": "Installed on",
      "criticality": "Criticality",
      "parentAsset": "Parent asset",
      "createdAt": "Created",
      "updatedAt": "Updated",
      "workOrders": "Work orders",
      "measurementPoints": "Measurement points",
      "recentReadings": "Recent readings",
      "subAssets": "Sub-assets"
    },
    "labels": {
      "status": {
        "IN_SERVICE": "In service",
        "STANDBY": "Standby",
        "OUT_OF_SERVICE": "Out of service",
        "RETIRED": "Retired"
      },
      "criticality": {
        "A": "A (critical)",
        "B": "B",
        "C": "C"
      }
    }
  },
  "ImportRun": {
    "properties": {
      "id": "No.",
      "kind": "Kind",
      "fileName": "File",
      "user": "User",
      "mode": "Mode",
      "state": "State",
      "rowsRead": "Rows read",
      "rowsValid": "Valid rows",
      "rowsRejected": "Rejected rows",
      "rowsWritten": "Rows written",
      "rowsNew": "New rows",
      "rowsChanged": "Changed rows",
      "rowsUnchanged": "Unchanged rows",
      "preview": "Validation only",
      "createMissing": "Create the missing ones",
      "filesRemovedAt": "Files removed on",
      "rowsTotal": "Rows in the file",
      "attempts": "Attempts",
      "resumedFromRow": "Resumed after row",
      "checkpointRow": "Last committed row",
      "progress": "Progress",
      "errorMessage": "Error",
      "jobId": "Job",
      "startedAt": "Started",
      "finishedAt": "Finished",
      "createdAt": "Created"
    },
    "labels": {
      "mode": {
        "ALL_OR_NOTHING": "All or nothing",
        "VALID_ROWS": "Valid rows only"
      },
      "state": {
        "QUEUED": "Queued",
        "RUNNING": "Running",
        "SUCCEEDED": "Succeeded",
        "PARTIAL": "Partial",
        "FAILED": "Failed"
      }
    }
  },
  "MeasurementPoint": {
    "properties": {
      "code": "Code",
      "asset": "Asset",
      "variable": "Variable",
      "unit": "Unit",
      "minValue": "Minimum",
      "maxValue": "Maximum",
      "isMeter": "Is a meter",
      "energyCarrier": "Energy it meters",
      "rolloverValue": "Wraps to zero at",
      "excursionSince": "Outside limits since",
      "lastEvaluatedAt": "Last reading judged",
      "createdAt": "Created",
      "updatedAt": "Updated",
      "readings": "Readings"
    },
    "labels": {
      "energyCarrier": {"ELECTRICITY": "Electricity", "WATER": "Water", "NATURAL_GAS": "Natural gas", "STEAM": "Steam", "FUEL": "Fuel", "COMPRESSED_AIR": "Compressed air"}
    }
  },
  "Reading": {
    "properties": {
      "measurementPoint": "Measurement point",
      "takenAt": "Taken at",
      "value": "Value",
      "source": "Source",
      "createdAt": "Recorded"
    },
    "labels": {
      "source": {
        "MANUAL": "Manual",
        "IMPORT": "Import",
        "SCADA": "SCADA",
        "WORK_ORDER": "Work order"
      }
    }
  },
  "MaintenanceType": {
    "properties": {
      "code": "Code",
      "name": "Name",
      "parent": "Parent type"
    }
  },
  "Frequency": {
    "properties": {
      "code": "Code",
      "name": "Name",
      "calendarInterval": "Every (calendar)",
      "calendarUnit": "Calendar unit",
      "meterInterval": "Every (meter)"
    },
    "labels": {
      "calendarUnit": {
        "DAY": "Days",
        "WEEK": "Weeks",
        "MONTH": "Months"
      }
    }
  },
  "Procedure": {
    "properties": {
      "code": "Code",
      "name": "Name",
      "description": "Description",
      "steps": "Steps"
    }
  },
  "ProcedureStep": {
    "properties": {
      "procedure": "Procedure",
      "position": "Order",
      "instruction": "Instruction",
      "valueType": "Value type",
      "unit": "Unit",
      "minValue": "Minimum",
      "maxValue": "Maximum"
    },
    "labels": {
      "valueType": {
        "NUMBER": "Number",
        "BOOLEAN": "Yes / No",
        "TEXT": "Text"
      }
    }
  },
  "Routine": {
    "properties": {
      "code": "Code",
      "name": "Name",
      "maintenanceType": "Type",
      "frequency": "Frequency",
      "procedure": "Procedure",
      "estimatedHours": "Estimated hours"
    }
  },
  "WorkCalendar": {
    "properties": {
      "code": "Code",
      "name": "Name",
      "workingDays": "Working days (1 = Monday)",
      "dayStart": "Day starts",
      "dayEnd": "Day ends",
      "holidays": "Holidays"
    }
  },
  "CalendarHoliday": {
    "properties": {
      "calendar": "Calendar",
      "date": "Date",
      "name": "Name"
    }
  },
  "MaintenanceSchedule": {
    "properties": {
      "routine": "Routine",
      "asset": "Asset",
      "calendar": "Calendar",
      "meterPoint": "Meter",
      "startsOn": "From",
      "endsOn": "Until",
      "isActive": "Active",
      "nextDueOn": "Next due",
      "lastMeterValue": "Last meter reading",
      "cycleAnchorOn": "Cycle from"
    }
  },
  "WorkRequest": {
    "properties": {
      "id": "No.",
      "reportedBy": "Reported by",
      "source": "Source",
      "measurementPoint": "Measurement point",
      "asset": "Asset",
      "description": "Description",
      "priority": "Priority",
      "state": "State",
      "rejectionReason": "Reason for rejecting",
      "reporterName": "Reported by (name)",
      "reporterContact": "Phone or e-mail",
      "createdAt": "Created",
      "updatedAt": "Updated"
    },
    "labels": {
      "source": { "PERSON": "Person", "CONDITION": "Condition monitoring", "PORTAL": "QR portal", "TREND": "Reading trend" },
      "priority": {
        "LOW": "Low",
        "MEDIUM": "Medium",
        "HIGH": "High",
        "URGENT": "Urgent"
      },
      "state": {
        "OPEN": "Open",
        "IN_REVIEW": "In review",
        "CONVERTED": "Converted to WO",
        "REJECTED": "Rejected"
      }
    }
  },
  "Technician": {
    "properties": {
      "user": "User",
      "name": "Name",
      "craft": "Craft / position",
      "hourlyCost": "Hourly cost",
      "isActive": "Active"
    }
  },
  "WorkOrder": {
    "properties": {"project": "Project", "serviceContract": "Service contract", "contractAssignedAt": "Handed to the contractor", "serviceLevel": "Contract SLA", 
      "number": "Number",
      "kind": "Kind",
      "schedule": "Schedule",
      "workRequest": "Work request",
      "asset": "Asset",
      "technician": "Assigned technician",
      "state": "State",
      "priority": "Priority",
      "description": "Description",
      "plannedOn": "Planned date",
      "location": "Location",
      "startedAt": "Started",
      "completedAt": "Completed",
      "createdAt": "Created",
      "updatedAt": "Updated",
      "stepValues": "Step values",
      "cost": "Cost"
    },
    "labels": {
      "kind": {
        "PREVENTIVE": "Preventive",
        "CORRECTIVE": "Corrective"
      },
      "state": {
        "PENDING": "Pending",
        "ASSIGNED": "Assigned",
        "IN_PROGRESS": "In progress",
        "ON_HOLD": "On hold",
        "COMPLETED": "Completed",
        "CLOSED": "Closed",
        "CANCELLED": "Cancelled"
      },
      "priority": {
        "LOW": "Low",
        "MEDIUM": "Medium",
        "HIGH": "High",
        "URGENT": "Urgent"
      }
    }
  },
  "WorkOrderNote": { "properties": { "workOrder": "Work order", "author": "Author", "text": "Note", "createdAt": "Written on" } },
  "WorkOrderStepValue": {
    "properties": {
      "workOrder": "Work order",
      "procedureStep": "Step",
      "value": "Value",
      "passed": "Passed",
      "recordedBy": "Recorded by",
      "recordedAt": "Recorded at"
    }
  },
  "FailureCode": {
    "properties": {
      "code": "Code",
      "name": "Name",
      "kind": "Kind",
      "parent": "Under"
    },
    "labels": {
      "kind": {
        "PROBLEM": "Problem",
        "CAUSE": "Cause",
        "REMEDY": "Remedy"
      }
    }
  },
  "WorkOrderClosure": {
    "properties": {
      "workOrder": "Work order",
      "laborHours": "Labour hours",
      "problem": "Problem",
      "cause": "Cause",
      "remedy": "Remedy",
      "observations": "Observations",
      "closedBy": "Closed by",
      "closedAt": "Closed at"
    }
  },
  "User": {
    "properties": {
      "email": "E-mail",
      "name": "Name",
      "isActive": "Active",
      "groups": "Groups",
      "locale": "Language"
    },
    "labels": {
      "locale": {
        "es": "Español",
        "en": "English"
      }
    }
  },
  "Group": {
    "labels": {
      "code": {
        "ADMINISTRATORS": "Administrators",
        "SUPERVISORS": "Supervisors",
        "TECHNICIANS": "Technicians",
        "CONSULTANTS": "Consultants",
        "OPERATORS": "Operators"
      }
    }
  },
  "JobIntervention": {"properties": {"action": "Action", "queue": "Queue", "jobId": "Job (id)", "jobName": "Job", "userId": "User (id)", "createdAt": "Date"}, "labels": {"action": {"RETRY": "Retry", "CANCEL": "Cancel", "RUN_NOW": "Run now"}}},
  // inventory
  "Vendor": {"properties": {"serviceContracts": "Service contracts", "slaCompliance": "SLA compliance", "code": "Code", "name": "Name", "taxId": "Tax id", "contactName": "Contact", "email": "E-mail", "phone": "Phone", "isActive": "Active", "createdAt": "Created", "updatedAt": "Updated", "materials": "Materials"}},
  "Material": {"properties": {"code": "Code", "description": "Description", "unit": "Unit of measure", "category": "Category", "manufacturerPartNumber": "Manufacturer part number", "minimumStock": "Minimum stock", "reorderPoint": "Reorder point", "reorderQuantity": "Reorder quantity", "preferredVendor": "Preferred vendor", "isActive": "Active", "createdAt": "Created", "updatedAt": "Updated", "stockLevels": "Stock levels"}},
  "Warehouse": {"properties": {"code": "Code", "name": "Name", "location": "Location", "allowNegativeStock": "Allows negative stock", "isActive": "Active", "createdAt": "Created", "updatedAt": "Updated", "bins": "Bins", "stockLevels": "Stock levels"}},
  "Bin": {"properties": {"warehouse": "Warehouse", "code": "Code", "description": "Description", "isActive": "Active"}},
  "StockLevel": {"properties": {"material": "Material", "warehouse": "Warehouse", "bin": "Bin", "onHand": "On hand", "reserved": "Reserved", "available": "Available", "averageCost": "Average cost", "movementCount": "Movements", "lastMovementAt": "Last movement", "movements": "Movements"}},
  "StockMovement": {"properties": {"id": "No.", "kind": "Kind", "material": "Material", "warehouse": "Warehouse", "bin": "Bin", "quantity": "Quantity", "unitCost": "Unit cost", "sequence": "Sequence", "balanceAfter": "Balance after", "averageCostAfter": "Average cost after", "workOrder": "Work order", "otherWarehouseId": "Other warehouse", "countedQuantity": "Counted quantity", "sourceDocument": "Source document", "note": "Note", "movedBy": "Recorded by", "movedAt": "Date"}, "labels": {"kind": {"RECEIPT": "Receipt", "ISSUE": "Issue to order", "RETURN": "Return from order", "TRANSFER_OUT": "Transfer (out)", "TRANSFER_IN": "Transfer (in)", "ADJUSTMENT": "Adjustment", "COUNT": "Physical count"}}},
  "Reservation": {"properties": {"id": "No.", "material": "Material", "warehouse": "Warehouse", "workOrder": "Work order", "quantity": "Reserved quantity", "requested": "Requested quantity", "state": "State", "reservedBy": "Reserved by", "createdAt": "Created", "updatedAt": "Updated"}, "labels": {"state": {"OPEN": "Open", "ISSUED": "Issued", "RELEASED": "Released"}}},
  "RoutineMaterial": {"properties": {"routine": "Routine", "material": "Material", "warehouse": "Warehouse", "quantity": "Quantity"}},
  // transmittals (issue 24)
  "Transmittal": {"properties": {"id": "No.", "number": "Number", "subject": "Subject", "purpose": "Purpose", "message": "Message", "sender": "Sender", "state": "State", "acknowledgeBy": "Acknowledge by", "sentAt": "Sent on", "cancelledAt": "Cancelled on", "createdAt": "Created", "updatedAt": "Updated", "documents": "Revisions sent", "recipients": "Recipients", "acknowledgements": "Acknowledgements of receipt"}, "labels": {"purpose": {"INFORMATION": "For information", "APPROVAL": "For approval", "CONSTRUCTION": "For construction"}, "state": {"DRAFT": "Draft", "SENT": "Sent", "PARTIALLY_ACKNOWLEDGED": "Partially acknowledged", "ACKNOWLEDGED": "Acknowledged by all", "CANCELLED": "Cancelled"}}},
  "TransmittalDocument": {"properties": {"id": "No.", "transmittal": "Transmittal", "revision": "Revision", "sha256": "SHA-256 sent"}},
  "TransmittalRecipient": {"properties": {"id": "No.", "transmittal": "Transmittal", "user": "User", "externalContact": "External contact", "linkExpiresAt": "Link expires on", "linkRevokedAt": "Link revoked on", "emailedAt": "E-mail sent on", "emailError": "E-mail error", "acknowledgement": "Acknowledgement"}},
  "TransmittalAcknowledgement": {"properties": {"id": "No.", "recipient": "Recipient", "transmittal": "Transmittal", "acknowledgedAt": "Received on", "name": "Name", "email": "E-mail", "ip": "IP", "userAgent": "Browser"}},
  "ExternalContact": {"properties": {"id": "No.", "name": "Name", "email": "E-mail", "company": "Company", "phone": "Phone", "isActive": "Active", "createdAt": "Created", "updatedAt": "Updated", "recipients": "Transmittals received"}},
  // safety (issue 23)
  "PermitKind": {"properties": {"id": "No.", "code": "Code", "name": "Name", "requiredChecks": "Required checks (one a line)", "needsGasTest": "Needs a gas test", "needsIsolation": "Needs isolations (LOTO)", "oxygenMinPct": "Oxygen minimum (%)", "oxygenMaxPct": "Oxygen maximum (%)", "lelMaxPct": "LEL maximum (%)", "h2sMaxPpm": "H₂S maximum (ppm)", "coMaxPpm": "CO maximum (ppm)", "isActive": "Active", "createdAt": "Created"}},
  "IsolationPoint": {"properties": {"id": "No.", "asset": "Asset", "code": "Code", "type": "Type", "energyType": "Energy", "locationDescription": "Where it is", "isActive": "Active", "createdAt": "Created"}, "labels": {"type": {"BREAKER": "Breaker", "DISCONNECT": "Disconnect switch", "VALVE": "Valve", "BLIND_FLANGE": "Blind flange", "PLUG": "Plug", "OTHER": "Other"}, "energyType": {"ELECTRICAL": "Electrical", "HYDRAULIC": "Hydraulic", "PNEUMATIC": "Pneumatic", "MECHANICAL": "Mechanical", "THERMAL": "Thermal", "CHEMICAL": "Chemical", "GRAVITATIONAL": "Gravitational"}}},
  "PermitRequirement": {"properties": {"id": "No.", "permitKind": "Permit kind", "asset": "Asset", "criticality": "Criticality", "createdAt": "Created"}, "labels": {"criticality": {"A": "A (critical)", "B": "B", "C": "C"}}},
  "WorkPermit": {"properties": {"id": "No.", "number": "Number", "permitKind": "Permit kind", "workOrder": "Work order", "asset": "Asset", "description": "Work to do", "validFrom": "Valid from", "validUntil": "Valid until", "crew": "People on the job (one a line)", "precautions": "Precautions confirmed (one a line)", "state": "State", "requestedBy": "Requested by", "requestedAt": "Requested on", "approvedBy": "Approved by", "approvedAt": "Approved on", "activatedAt": "Activated on", "suspendedAt": "Suspended on", "suspensionReason": "Suspension reason", "closedBy": "Closed by", "closedAt": "Closed on", "cancelledAt": "Cancelled on", "createdAt": "Created", "updatedAt": "Updated", "isolations": "Isolations", "gasTests": "Gas tests", "signatures": "Signatures"}, "labels": {"state": {"DRAFT": "Draft", "REQUESTED": "Requested", "APPROVED": "Approved", "ACTIVE": "Active", "SUSPENDED": "Suspended", "CLOSED": "Closed", "CANCELLED": "Cancelled"}, "suspensionReason": {"EXPIRED": "Expired", "MANUAL": "Suspended by a person"}}},
  "PermitIsolation": {"properties": {"id": "No.", "permit": "Permit", "isolationPoint": "Isolation point", "lockNumber": "Lock number", "lockedBy": "Locked by", "lockedAt": "Locked on", "verifiedBy": "Zero energy verified by", "verifiedAt": "Zero energy verified on", "removedBy": "Removed by", "removedAt": "Removed on", "createdAt": "Created"}},
  "PermitGasTest": {"properties": {"id": "No.", "permit": "Permit", "takenBy": "Measured by", "takenAt": "Measured on", "oxygenPct": "Oxygen (%)", "lelPct": "LEL (%)", "h2sPpm": "H₂S (ppm)", "coPpm": "CO (ppm)", "withinLimits": "Within limits"}},
  "PermitSignature": {"properties": {"id": "No.", "permit": "Permit", "purpose": "Signature of", "signer": "Signer", "signedAt": "Signed on", "ip": "IP", "userAgent": "Browser", "sha256": "SHA-256 of the content"}, "labels": {"purpose": {"APPROVAL": "Approval", "CLOSING": "Closing"}}},
  // health (issue 25)
  "DowntimeEvent": {"properties": {"id": "No.", "asset": "Asset", "startedAt": "Stopped since", "endedAt": "Running again since", "planned": "Planned", "reason": "Reason", "workOrder": "Work order", "workRequest": "Work request", "notes": "Notes", "durationHours": "Duration (h)", "createdAt": "Created", "updatedAt": "Updated"}, "labels": {"reason": {"FAILURE": "Failure", "PREVENTIVE": "Preventive maintenance", "OPERATIONAL": "Operation (no demand, switching)", "EXTERNAL": "External cause (supply, weather)", "OTHER": "Other"}}},
  "AssetHealth": {"properties": {"id": "No.", "asset": "Asset", "assessedOn": "Assessed on", "score": "Health (0–100)", "riskState": "Risk", "failureProbability": "Failure probability in 30 days", "expectedRemainingDays": "Expected remaining life (days)", "daysSinceFailure": "Days since last failure", "overduePreventive": "Overdue preventive orders", "openExcursions": "Readings out of limits", "predictedCrossings": "Predicted limit crossings", "reasons": "Reasons"}, "labels": {"riskState": {"ESTIMATED": "Estimated", "TOO_LITTLE_DATA": "Too little data"}}},
  "CategoryReliability": {"properties": {"id": "No.", "category": "Category", "assessedOn": "Assessed on", "state": "Model", "failures": "Observed failures", "censored": "Intervals still running", "shape": "Shape (β)", "scaleDays": "Scale (days)", "meanDays": "Mean life (days)"}, "labels": {"state": {"FITTED": "Fitted", "TOO_LITTLE_DATA": "Too little data"}}},
  "PointTrend": {"properties": {"id": "No.", "measurementPoint": "Measurement point", "assessedOn": "Assessed on", "state": "Trend", "readings": "Readings used", "slopePerDay": "Slope per day", "pivotAt": "Centre of the fit", "pivotValue": "Value at the centre", "limitSide": "Limit", "predictedCrossingAt": "Predicted crossing", "earliestCrossingAt": "Crossing, earliest", "latestCrossingAt": "Crossing, latest", "workRequest": "Open work request"}, "labels": {"state": {"CROSSING": "Will cross its limit within 30 days", "LATER": "Will cross later", "STEADY": "Steady", "OUTSIDE": "Already out of limits", "TOO_LITTLE_DATA": "Too little data"}, "limitSide": {"MAX": "Maximum", "MIN": "Minimum"}}},
  // safety and audits (issue 23)
  "SafetyIncident": {"properties": {"id": "No.", "number": "Number", "kind": "Kind", "location": "Location", "asset": "Asset", "occurredAt": "Occurred at", "peopleInvolved": "People involved (one a line)", "description": "What happened", "immediateActions": "Immediate actions", "causes": "Investigation: causes", "daysLost": "Days lost", "reportedBy": "Reported by", "createdAt": "Created", "updatedAt": "Updated", "correctiveActions": "Corrective actions"}, "labels": {"kind": {"NEAR_MISS": "Near miss", "FIRST_AID": "First aid", "LOST_TIME": "Lost-time injury", "ENVIRONMENTAL": "Environmental", "PROPERTY_DAMAGE": "Property damage"}}},
  "SafetyHoursWorked": {"properties": {"id": "No.", "location": "Site", "year": "Year", "month": "Month", "hours": "Hours worked", "createdAt": "Created"}},
  "AuditChecklist": {"properties": {"id": "No.", "code": "Code", "name": "Name", "items": "Items to check (one a line)", "isActive": "Active", "createdAt": "Created", "audits": "Audits"}},
  "Audit": {"properties": {"id": "No.", "number": "Number", "title": "Title", "kind": "Kind", "scope": "Scope", "location": "Location", "startsOn": "Starts on", "endsOn": "Ends on", "auditor": "Auditor", "checklist": "Checklist", "checklistItems": "Items to check", "state": "State", "closedBy": "Closed by", "closedAt": "Closed at", "createdAt": "Created", "updatedAt": "Updated", "findings": "Findings"}, "labels": {"kind": {"INTERNAL": "Internal", "EXTERNAL": "External", "REGULATORY": "Regulatory"}, "state": {"PLANNED": "Planned", "IN_PROGRESS": "In progress", "CLOSED": "Closed"}}},
  "AuditFinding": {"properties": {"id": "No.", "audit": "Audit", "title": "Finding", "severity": "Severity", "requirement": "Requirement", "description": "Description", "createdAt": "Created", "evidence": "Evidence", "correctiveActions": "Corrective actions"}, "labels": {"severity": {"MAJOR": "Major nonconformity", "MINOR": "Minor nonconformity", "OBSERVATION": "Observation"}}},
  "AuditEvidence": {"properties": {"id": "No.", "finding": "Finding", "document": "Document", "createdAt": "Created"}},
  "CorrectiveAction": {"properties": {"id": "No.", "number": "Number", "description": "Action", "finding": "Finding", "incident": "Incident", "workOrder": "Work order", "owner": "Owner", "dueOn": "Due on", "state": "State", "raisedBy": "Raised by", "startedAt": "Started at", "doneNote": "What was done", "doneAt": "Done at", "verifiedBy": "Effectiveness verified by", "verifiedAt": "Verified at", "verificationNote": "Effectiveness check", "cancelledAt": "Cancelled at", "cancelReason": "Why it was cancelled", "createdAt": "Created", "updatedAt": "Updated"}, "labels": {"state": {"OPEN": "Open", "IN_PROGRESS": "In progress", "DONE": "Done (to verify)", "VERIFIED": "Verified", "CANCELLED": "Cancelled"}}},
  "SiteProduction": {"properties": {"id": "No.", "location": "Site", "month": "Month", "producedMwh": "Production (MWh)", "notes": "Notes", "createdAt": "Entered", "updatedAt": "Updated"}},
  "IntegrationToken": {"properties": {"id": "No.", "name": "System", "scope": "Scope", "tokenPrefix": "Starts with", "createdBy": "Created by", "createdAt": "Created on", "revokedAt": "Revoked on", "updatedAt": "Updated"}, "labels": {"scope": {"readings": "Sending readings", "points:read": "Reading the measurement points"}}},
  // projects and service contracts (issue 24)
  "Project": {"properties": {"id": "No.", "code": "Code", "name": "Name", "description": "Description", "manager": "Manager", "location": "Location", "startsOn": "Start", "endsOn": "End", "budgetLine": "Budget line", "state": "State", "createdAt": "Created", "updatedAt": "Updated", "tasks": "Tasks", "workOrders": "Work orders", "requisitions": "Requisitions", "documents": "Documents", "figures": "Progress and cost", "gantt": "Schedule"}, "labels": {"state": {"PLANNED": "Planned", "IN_PROGRESS": "In progress", "ON_HOLD": "On hold", "COMPLETED": "Completed", "CANCELLED": "Cancelled"}}},
  "ProjectTask": {"properties": {"id": "No.", "project": "Project", "name": "Task", "startsOn": "Start", "endsOn": "End", "progress": "Progress (%)", "assignee": "Assignee", "createdAt": "Created", "updatedAt": "Updated", "dependencies": "Waits for", "dependents": "Waited for by"}},
  "ProjectTaskDependency": {"properties": {"id": "No.", "task": "Task", "dependsOn": "Waits for (prior task)"}},
  "ServiceContract": {"properties": {"id": "No.", "code": "Code", "vendor": "Vendor", "scope": "Scope", "startsOn": "In force from", "endsOn": "In force until", "value": "Value", "responseHours": "Response hours", "resolutionHours": "Resolution hours", "renewalNoticeDays": "Renewal notice (days before)", "owner": "Owner", "createdAt": "Created", "updatedAt": "Updated", "assets": "Covered assets", "locations": "Covered locations", "workOrders": "Contractor's orders"}},
  "ServiceContractAsset": {"properties": {"id": "No.", "contract": "Contract", "asset": "Asset"}},
  "ServiceContractLocation": {"properties": {"id": "No.", "contract": "Contract", "location": "Location"}},
  "Template": {"properties": {"id": "No.", "kind": "Used for", "language": "Language", "name": "Name", "body": "Template text", "active": "Active", "createdAt": "Created", "updatedAt": "Updated"}, "labels": {"kind": {"WORK_ORDER": "Printed work order", "TRANSMITTAL_COVER": "Transmittal cover sheet", "NOTIFICATION_EMAIL": "Notification e-mail", "LABEL_SHEET": "Label sheet"}, "language": {"es": "Spanish", "en": "English"}}},
};
