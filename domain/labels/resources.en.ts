// The plant's words for its models, their fields and their closed values (en): the labels the back
// office shows (admin/locales), the headers of import templates and exports. Kept with the domain so
// that imports and exports read them without reaching up into the UI layer; the UI imports them.
export const resourceLabelsEN = {
  "budgets": "Budgets",
  "callCenter": "Call center",
  "Requisition": "Requisitions",
  "RequisitionItem": "Requisition items",
  "Ticket": "Tickets",
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
  "services": "Services / KPI"
};

export const resourceTranslationsEN = {
  "Requisition": {"properties": {"id": "No.", "title": "Title", "requestedBy": "Requested by", "workOrder": "Work order", "state": "State", "total": "Total", "approvedBy": "Approved by", "approvedAt": "Approved at", "erpSyncState": "ERP sync", "createdAt": "Created", "updatedAt": "Updated", "items": "Items"}, "labels": {"state": {"DRAFT": "Draft", "SUBMITTED": "Submitted", "APPROVED": "Approved", "REJECTED": "Rejected"}, "erpSyncState": {"NOT_SENT": "Not sent", "PENDING": "Pending", "SENT": "Sent", "FAILED": "Failed"}}},
  "RequisitionItem": {"properties": {"requisition": "Requisition", "description": "Description", "quantity": "Quantity", "unit": "Unit", "unitPrice": "Unit price"}},
  "Ticket": {"properties": {"number": "Number", "type": "Type", "description": "Description", "requester": "Requester", "state": "State", "source": "Source", "createdAt": "Created", "updatedAt": "Updated"}, "labels": {"type": {"FAILURE": "Failure", "SERVICE": "Service", "COMPLAINT": "Complaint", "INFORMATION": "Information"}, "state": {"OPEN": "Open", "IN_PROGRESS": "In progress", "RESOLVED": "Resolved", "CLOSED": "Closed"}, "source": {"MANUAL": "Manual", "SIG": "SIG"}}},
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
      "excursionSince": "Outside limits since",
      "lastEvaluatedAt": "Last reading judged",
      "createdAt": "Created",
      "updatedAt": "Updated",
      "readings": "Readings"
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
      "createdAt": "Created",
      "updatedAt": "Updated"
    },
    "labels": {
      "source": { "PERSON": "Person", "CONDITION": "Condition monitoring" },
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
    "properties": {
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
      "stepValues": "Step values"
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
  }
};
